"""Rule files → a compiled, validated RuleSet.

A rule folder holds YAML files whose top-level keys are sections: `fragments`, `units`,
`classifiers`, `quantities`, `exclusions`, `context`, `indicators` (and the layout keys of
document.yaml). The bundled folder is read first, then each user folder: user quantity and
exclusion rules and indicators are added, user fragments and context words extend the bundled
ones. Every problem raises RuleError naming the file, the rule id and what is wrong.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

import regex

from reportx.engine.patterns import alternation
from reportx.errors import RuleError
from reportx.paths import rules_dir
from reportx.engine.rules_io import load_yaml
from reportx.engine.timed_pattern import TimedPattern

UNIT_CODES = ("%", "pp", "x", "CNY", "person", "person_time", "household", "mu", "hectare",
              "km", "km2", "t", "kW", "item", "rank", "year", "other")
QUALIFIERS = ("approx", "at_least", "at_most", "range")
LAYOUT_SECTIONS = ("header", "headings", "parts", "sentence_end", "unnumbered_heading", "frames",
                   "traditional", "escaped_code_point", "abbreviation_gloss", "chinese_year",
                   "chinese_digits", "chinese_month_day", "compilation")
SECTIONS = ("fragments", "units", "classifiers", "quantities", "exclusions", "context",
            "indicators") + LAYOUT_SECTIONS
# Context entries the engine reads, and those that are patterns (compiled here so that a broken
# one is reported at load, naming its file).
CONTEXT_REQUIRED = ("clause_breaks", "list_breaks", "qualifiers", "directions", "share_words",
                    "indicator_tail_words", "indicator_head_words", "implied_units",
                    "target_words", "period_year")
CONTEXT_PATTERNS = ("period_year", "indicator_head_pattern", "indicator_goal_head",
                    "indicator_tail_pattern", "part_of_year", "scope_year", "place_year_head",
                    "led_scope", "ratio_to_year")
EXAMPLE_KEYS = {"surface", "value", "unit", "raw_number", "raw_unit", "classifier", "indicator",
                "indicator_id", "key", "period", "kind", "qualifier", "direction", "start", "end", "value_high", "span"}
QUANTITY_KEYS = {"id", "description", "pattern", "unit", "qualifier", "exclude_units",
                 "min_value", "power_of", "examples", "counter_examples"}
EXCLUSION_KEYS = {"id", "reason", "pattern", "examples"}
INDICATOR_KEYS = {"id", "name", "headline", "units", "aliases", "bare", "bare_rates", "bare_led", "companions",
                  "direction", "better", "changes", "prefer"}
_FRAGMENT_REF = regex.compile(r"\{([A-Z][A-Z_]*)\}")
# Seconds one rule may search one text for; a pattern that backtracks past this is reported.
DEFAULT_TIMEOUT = 2.0


@dataclass(frozen=True)
class QuantityRule:
    id: str
    file: str
    pattern: regex.Pattern
    source: str                          # the expanded pattern, for `reportx rules show`
    unit: str | None = None              # fixed base unit, "implied", or None: from the unit word
    qualifier: str | None = None
    exclude_units: tuple[str, ...] = ()
    min_value: Decimal | None = None
    power_of: Decimal | None = None      # the number is an exponent of this (翻两番: 2² = 4 times)
    description: str = ""
    examples: tuple = ()
    counter_examples: tuple = ()
    bundled: bool = False                # one of reportx's own rules (no time limit: quantities.py)


@dataclass(frozen=True)
class Exclusion:
    id: str
    file: str
    pattern: regex.Pattern
    reason: str = ""
    examples: tuple = ()
    bundled: bool = False


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    headline: bool
    units: tuple[str, ...]
    aliases: tuple[str, ...]
    bare: tuple[str, ...] = ()     # aliases that name it only standing alone (经济总量, 进出口)
    bare_rates: tuple[str, ...] = ()  # bare aliases that name it only in a rate (规上工业增长8%)
    bare_led: tuple[str, ...] = ()    # bare aliases that name it only after a scope or lead word
    companions: tuple = ()         # (id, heads): heads that mean this one right after that id
    direction: str | None = None   # a change of one way only (农村贫困人口减少: decrease)
    changes: tuple[str, ...] = ()  # aliases that say the change themselves (脱贫): no verb needed
    prefer: tuple[str, ...] = ()   # of two series a report names by this id, the one with these words
    better: str | None = None      # "lower" where a fall is an improvement (PM2.5, 能耗, 失业率)


@dataclass(eq=False)  # compared and hashed by identity: caches key on the loaded set
class RuleSet:
    folders: tuple[str, ...]
    fragments: dict[str, str] = field(default_factory=dict)
    units: dict[str, tuple[str, Decimal]] = field(default_factory=dict)  # surface → (code, factor)
    classifiers: list[str] = field(default_factory=list)
    quantities: list[QuantityRule] = field(default_factory=list)
    exclusions: list[Exclusion] = field(default_factory=list)
    context: dict = field(default_factory=dict)
    indicators: list[Indicator] = field(default_factory=list)
    timeout: float = DEFAULT_TIMEOUT
    # CONTEXT_PATTERNS compiled; a user folder's are TimedPatterns, bounded like quantity rules
    context_patterns: dict = field(default_factory=dict)

    def rule(self, rule_id: str):
        for r in [*self.quantities, *self.exclusions]:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)

    def alias_index(self) -> list[tuple[str, Indicator]]:
        """(alias, indicator), longest alias first."""
        pairs = [(a, ind) for ind in self.indicators for a in ind.aliases]
        return sorted(pairs, key=lambda p: -len(p[0]))


def load_rules(extra_dirs=(), timeout: float = DEFAULT_TIMEOUT) -> RuleSet:
    """The bundled rules plus each extra folder's; cached per set of folders."""
    folders = tuple(str(Path(d).resolve()) for d in (rules_dir(), *extra_dirs))
    return _load_cached(folders, timeout)


@lru_cache(maxsize=8)
def _load_cached(folders: tuple[str, ...], timeout: float) -> RuleSet:
    raw = _read_folders(folders)
    rs = RuleSet(folders=folders, timeout=timeout)
    _merge_plain(rs, raw)
    rs.fragments = _expand_fragments(raw["fragments"], rs)
    rs.quantities = [_quantity_rule(r, f, rs) for f, r in raw["quantities"]]
    rs.exclusions = [_exclusion(r, f, rs) for f, r in raw["exclusions"]]
    rs.indicators = [_indicator(r, f) for f, r in raw["indicators"]]
    _check_unique_ids(raw)
    _check_context(rs, raw["context"])
    return rs


def _read_folders(folders) -> dict:
    raw = {"fragments": [], "units": [], "classifiers": [], "quantities": [], "exclusions": [],
           "context": [], "indicators": []}
    for folder in folders:
        d = Path(folder)
        if not d.is_dir():
            raise RuleError(d, None, "rule folder does not exist")
        files = sorted(d.glob("*.yaml")) + sorted(d.glob("*.yml"))
        if not files:
            raise RuleError(d, None, "rule folder holds no .yaml files")
        for path in files:
            data = load_yaml(path)
            if data is None:
                continue
            if not isinstance(data, dict):
                raise RuleError(path, None, "a rule file is a mapping of sections "
                                f"({', '.join(SECTIONS)})")
            for key, value in data.items():
                if key not in SECTIONS:
                    raise RuleError(path, None, f"unknown section {key!r} "
                                    f"(known: {', '.join(SECTIONS)})")
                if key in LAYOUT_SECTIONS and folder != folders[0]:
                    raise RuleError(path, None, f"section {key!r} belongs to the bundled "
                                    "document.yaml; a rule folder may not change the layout")
                if key in ("quantities", "exclusions", "indicators", "units", "classifiers"):
                    if not isinstance(value, list):
                        raise RuleError(path, None, f"section {key!r} must be a list")
                    raw[key] += [(str(path), v) for v in value]
                elif key in ("fragments", "context"):
                    if not isinstance(value, dict):
                        raise RuleError(path, None, f"section {key!r} must be a mapping")
                    raw[key].append((str(path), value))
    return raw


def _merge_plain(rs: RuleSet, raw) -> None:
    for path, entry in raw["units"]:
        if not isinstance(entry, dict) or entry.get("code") not in UNIT_CODES:
            raise RuleError(path, None, f"unit entry {entry!r}: code must be one of {UNIT_CODES}")
        for surface, factor in (entry.get("surfaces") or {}).items():
            rs.units[str(surface)] = (entry["code"], _decimal(factor, path, f"unit {surface}"))
    rs.classifiers = [str(c) for _, c in raw["classifiers"]]
    for path, ctx in raw["context"]:
        for key, value in ctx.items():
            old = rs.context.get(key)
            if isinstance(old, dict) and isinstance(value, dict):
                rs.context[key] = _deep_merge(old, value)
            elif isinstance(old, list) and isinstance(value, list):
                rs.context[key] = old + [v for v in value if v not in old]
            else:
                rs.context[key] = value


def _deep_merge(a: dict, b: dict) -> dict:
    out = dict(a)
    for k, v in b.items():
        if isinstance(out.get(k), dict) and isinstance(v, dict):
            out[k] = _deep_merge(out[k], v)
        elif isinstance(out.get(k), list) and isinstance(v, list):
            out[k] = out[k] + [x for x in v if x not in out[k]]
        else:
            out[k] = v
    return out


def _decimal(value, path: str, what: str) -> Decimal:
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite() or number < 0:
        raise RuleError(path, what, f"{value!r} is not a number")
    return number


def _expand_fragments(parts, rs: RuleSet) -> dict[str, str]:
    defined: dict[str, tuple[str, str]] = {}
    for path, frags in parts:
        for name, pattern in frags.items():
            defined[name] = (path, str(pattern))
    defined["UNIT"] = ("units.yaml", alternation(rs.units))
    defined["CLASSIFIER"] = ("units.yaml", alternation(rs.classifiers))
    out: dict[str, str] = {}

    def expand(name: str, seen: tuple) -> str:
        if name in out:
            return out[name]
        path, pattern = defined[name]
        if name in seen:
            raise RuleError(path, name, "fragment refers to itself")
        out[name] = _substitute(pattern, path, name, lambda n: expand(n, seen + (name,)), defined)
        return out[name]

    for name in defined:
        try:
            expand(name, ())
        except RecursionError:  # a chain of thousands of fragments, each naming the next
            raise RuleError(defined[name][0], name, "fragments refer to each other too deeply "
                            "to expand") from None
    return out


def _substitute(pattern: str, path: str, rule_id: str, lookup, defined) -> str:
    def repl(m):
        if m[1] not in defined:
            raise RuleError(path, rule_id, f"unknown fragment {{{m[1]}}}")
        return lookup(m[1])
    return _FRAGMENT_REF.sub(repl, pattern)


def _compile(pattern: str, path: str, rule_id: str) -> regex.Pattern:
    try:
        return regex.compile(pattern)
    except regex.error as exc:
        raise RuleError(path, rule_id, f"pattern does not compile: {exc}") from None
    except RecursionError:  # thousands of nested groups
        raise RuleError(path, rule_id, "pattern nests its groups too deeply to compile") from None


def _need_id(rule, path: str, kind: str) -> str:
    if not isinstance(rule, dict):
        raise RuleError(path, None, f"a {kind} rule must be a mapping, got {rule!r}")
    rid = rule.get("id")
    if not isinstance(rid, str) or not rid:
        raise RuleError(path, None, f"a {kind} rule has no id: {rule!r}"[:200])
    return rid


def _check_keys(rule: dict, allowed: set, path: str, rid: str) -> None:
    unknown = set(rule) - allowed
    if unknown:
        raise RuleError(path, rid, f"unknown field(s) {', '.join(sorted(unknown))} "
                        f"(allowed: {', '.join(sorted(allowed))})")
    if not isinstance(rule.get("pattern"), str) and "pattern" in allowed:
        raise RuleError(path, rid, "pattern is missing or not a string")


def _expand(rule: dict, path: str, rid: str, rs: RuleSet) -> str:
    return _substitute(rule["pattern"], path, rid, lambda n: rs.fragments[n], rs.fragments)


def _quantity_rule(rule, path: str, rs: RuleSet) -> QuantityRule:
    rid = _need_id(rule, path, "quantity")
    _check_keys(rule, QUANTITY_KEYS, path, rid)
    source = _expand(rule, path, rid, rs)
    pattern = _compile(source, path, rid)
    if "num" not in pattern.groupindex:
        raise RuleError(path, rid, "pattern needs a named group (?P<num>…) for the number")
    unit = rule.get("unit")
    if unit is not None and unit not in UNIT_CODES and unit != "implied":
        raise RuleError(path, rid, f"unit {unit!r} is not a base unit code {UNIT_CODES}")
    if unit is None and "unit" not in pattern.groupindex:
        raise RuleError(path, rid, "give a `unit` code or a named group (?P<unit>…) in the pattern")
    qualifier = rule.get("qualifier")
    if qualifier is not None and qualifier not in QUALIFIERS:
        raise RuleError(path, rid, f"qualifier {qualifier!r} is not one of {QUALIFIERS}")
    power_of = None if rule.get("power_of") is None else _decimal(rule["power_of"], path, rid)
    if power_of is not None and power_of <= 1:
        raise RuleError(path, rid, f"power_of {rule['power_of']!r} must be a number above 1")
    return QuantityRule(
        id=rid, file=path, pattern=pattern, source=source, unit=unit, qualifier=qualifier,
        exclude_units=tuple(rule.get("exclude_units") or ()),
        min_value=None if rule.get("min_value") is None else _decimal(rule["min_value"], path, rid),
        power_of=power_of,
        description=str(rule.get("description", "")),
        examples=tuple(_examples(rule.get("examples"), path, rid)),
        counter_examples=tuple(rule.get("counter_examples") or ()), bundled=_bundled(path, rs))


def _bundled(path: str, rs: RuleSet) -> bool:
    return Path(path).parent.resolve() == Path(rs.folders[0])


def _examples(examples, path: str, rid: str) -> list:
    out = []
    for ex in examples or []:
        if not isinstance(ex, dict) or "text" not in ex or not isinstance(ex.get("claims"), list):
            raise RuleError(path, rid, f"an example needs `text` and a `claims` list: {ex!r}"[:200])
        for claim in ex["claims"]:
            if not isinstance(claim, dict) or "surface" not in claim:
                raise RuleError(path, rid, f"an example claim needs a surface: {claim!r}"[:200])
            unknown = set(claim) - EXAMPLE_KEYS
            if unknown:
                raise RuleError(path, rid, f"example claim field(s) {', '.join(sorted(unknown))} "
                                "are not claim fields")
        out.append(ex)
    return out


def _check_context(rs: RuleSet, parts) -> None:
    def origin(key: str) -> str:
        return next((p for p, ctx in reversed(parts) if key in ctx), "context")

    for key in CONTEXT_REQUIRED:
        if key not in rs.context:
            raise RuleError(parts[0][0] if parts else "context", key, "missing context entry")
    for key in CONTEXT_PATTERNS:
        if key in rs.context:
            path = origin(key)
            pattern = _compile(str(rs.context[key]), path, key)
            rs.context_patterns[key] = pattern if _bundled(path, rs) \
                else TimedPattern(pattern, path, key, rs.timeout)
    for key in ("qualifiers", "directions", "implied_units"):
        if not isinstance(rs.context[key], dict):
            raise RuleError(origin(key), key, "must be a mapping")
    rate_after = rs.context["directions"].get("rate_after", {})
    if not isinstance(rate_after, dict) or not all(
            isinstance(w, str) and w and d in ("increase", "decrease") for w, d in rate_after.items()):
        raise RuleError(origin("directions"), "rate_after",
                        "must map words to increase or decrease")
    known = {q.id for q in rs.quantities}
    unknown = [r for r in rs.context.get("adverbial_rules", ()) if r not in known]
    if unknown:
        raise RuleError(origin("adverbial_rules"), "adverbial_rules",
                        f"names no quantity rule: {', '.join(map(str, unknown))}")


def _exclusion(rule, path: str, rs: RuleSet) -> Exclusion:
    rid = _need_id(rule, path, "exclusion")
    _check_keys(rule, EXCLUSION_KEYS, path, rid)
    source = _expand(rule, path, rid, rs)
    return Exclusion(id=rid, file=path, pattern=_compile(source, path, rid),
                     reason=str(rule.get("reason", "")), examples=tuple(rule.get("examples") or ()),
                     bundled=_bundled(path, rs))


def _indicator(entry, path: str) -> Indicator:
    rid = _need_id(entry, path, "indicator")
    unknown = set(entry) - INDICATOR_KEYS
    if unknown:
        raise RuleError(path, rid, f"unknown field(s) {', '.join(sorted(unknown))}")
    aliases = entry.get("aliases") or []
    # (a name that is only ever bare, 产业投资, needs no alias of its own)
    if not (aliases or entry.get("bare") or entry.get("bare_led")) or not isinstance(aliases, list) \
            or not all(isinstance(a, str) and a for a in aliases):
        raise RuleError(path, rid, "aliases must be a non-empty list of words (or bare given)")
    units = tuple(entry.get("units") or UNIT_CODES)
    bad = [u for u in units if u not in UNIT_CODES]
    if bad:
        raise RuleError(path, rid, f"unknown unit code(s) {bad}")
    bare, bare_rates, bare_led, changes, prefer = (
        _word_list(entry, key, path, rid)
        for key in ("bare", "bare_rates", "bare_led", "changes", "prefer"))
    companions = entry.get("companions") or {}
    if not isinstance(companions, dict) or not all(
            isinstance(v, list) and all(isinstance(w, str) and w for w in v) for v in companions.values()):
        raise RuleError(path, rid, "companions must map an indicator id to a list of words")
    return Indicator(id=rid, name=str(entry.get("name") or (aliases or bare)[0]),
                     headline=bool(entry.get("headline", False)), units=units,
                     aliases=tuple(dict.fromkeys([*aliases, *bare, *bare_rates, *bare_led,
                                                  *changes])),
                     bare=tuple(dict.fromkeys([*bare, *bare_rates, *bare_led])),
                     bare_rates=tuple(bare_rates), bare_led=tuple(bare_led),
                     changes=tuple(changes), prefer=tuple(prefer),
                     companions=tuple((k, tuple(v)) for k, v in companions.items()),
                     direction=_indicator_direction(entry.get("direction"), path, rid),
                     better=_better(entry.get("better"), path, rid))


def _word_list(entry, key: str, path: str, rid: str) -> list[str]:
    words = entry.get(key) or []
    if not isinstance(words, list) or not all(isinstance(a, str) and a for a in words):
        raise RuleError(path, rid, f"{key} must be a list of words")
    return words


def _indicator_direction(value, path: str, rid: str) -> str | None:
    if value not in (None, "increase", "decrease"):
        raise RuleError(path, rid, f"direction must be increase or decrease, not {value!r}")
    return value


def _better(value, path: str, rid: str) -> str | None:
    if value not in (None, "lower", "higher"):
        raise RuleError(path, rid, f"better must be lower or higher, not {value!r}")
    return value


def _check_unique_ids(raw) -> None:
    seen: dict[str, str] = {}
    for section in ("quantities", "exclusions", "indicators"):
        for path, rule in raw[section]:
            rid = rule["id"]
            key = f"{section}:{rid}" if section == "indicators" else rid
            if key in seen:
                raise RuleError(path, rid, f"duplicate id (also in {seen[key]})")
            seen[key] = path
