/* reportx review: the report's text with every figure marked, a side panel, and (on the review
   page) a correction mode kept in localStorage and exported as gold JSON Lines.
   Data: the <script id="review-data"> element (views/review/payload.py builds it).
   Offsets in the data are Python's (code points); the browser's strings count an astral
   character as two units, so every slice goes through u() and every DOM offset through cp(). */
(function () {
  'use strict';

  const DATA = JSON.parse(document.getElementById('review-data').textContent);
  const DOC = DATA.doc;
  const TEXT = DOC.text;
  const DIFF = DATA.mode === 'diff';
  const EDITABLE = !DIFF;
  const CODES = DATA.codes;
  const INDICATOR_NAMES = Object.fromEntries(CODES.indicator_id.map(x => [x.id, x.name]));
  const FIELD_NAMES = ['value', 'value_high', 'unit', 'classifier', 'indicator', 'indicator_id',
    'period', 'span', 'kind', 'qualifier', 'direction'];
  const GOLD_FIELDS = ['doc', 'start', 'end', 'surface', 'value', 'value_high', 'unit', 'classifier',
    'indicator', 'key', 'period', 'span', 'kind', 'qualifier', 'direction', 'optional'];
  const FATE_NAMES = {
    agree: 'agree', attribute: 'attribute differs', mismatch: 'other value or unit',
    false_alarm: 'false alarm', neutral: 'on an optional record', miss: 'miss',
    optional: 'optional, not found'
  };
  const COUNTED = ['miss', 'false_alarm', 'mismatch', 'attribute'];   // the fates eval counts against
  const $ = id => document.getElementById(id);
  const timings = window.reviewTimings = { start: performance.now() };

  /* offsets ------------------------------------------------------------------------------ */
  const ASTRAL = DOC.astral;
  function u(cpOffset) {             // code points -> UTF-16 units
    if (!ASTRAL.length) return cpOffset;
    let lo = 0, hi = ASTRAL.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (ASTRAL[mid] < cpOffset) lo = mid + 1; else hi = mid; }
    return cpOffset + lo;
  }
  function cp(unitOffset) {          // UTF-16 units -> code points
    let k = 0;
    while (k < ASTRAL.length && ASTRAL[k] + k < unitOffset) k++;
    return unitOffset - k;
  }
  const slice = (a, b) => TEXT.slice(u(a), u(b));

  /* state: kept in localStorage under the report's identity ------------------------------- */
  const STORE = DOC.storage + (DIFF ? '/diff' : '');
  let state = loadState();
  function loadState() {
    try {
      const s = JSON.parse(localStorage.getItem(STORE) || 'null');
      if (s && s.v === 1) return { v: 1, decisions: s.decisions || {}, added: s.added || [] };
    } catch (e) { /* unreadable storage: start afresh */ }
    return { v: 1, decisions: {}, added: [] };
  }
  function saveState() {
    try { localStorage.setItem(STORE, JSON.stringify(state)); }
    catch (e) { toast('could not keep your work in this browser: ' + e.message); }
  }
  const keyOf = it => it.start + '-' + it.end;

  /* entries: the figures on the page (the data's items, then figures the person added) ---- */
  let entries = [];
  function buildEntries() {
    entries = DATA.items.map((item, i) => ({ id: i, item, added: false }));
    if (EDITABLE) {
      state.added.forEach(rec => entries.push({ id: entries.length, item: rec, added: true }));
    }
    entries.sort((a, b) => a.item.start - b.item.start || a.id - b.id);
    entries.forEach((e, i) => { e.pos = i; });
  }
  function decision(e) { return e.added ? null : state.decisions[keyOf(e.item)] || null; }
  function effective(e) {           // the figure as the person has it now
    const d = decision(e);
    const out = Object.assign({}, e.item, d && d.edits ? d.edits : {});
    if (d && d.optional !== undefined) out.optional = d.optional;
    return out;
  }
  function statusOf(e) {
    if (e.added) return 'added';
    const d = decision(e);
    if (!d) return 'unreviewed';
    if (d.status === 'wrong') return 'wrong';
    return d.edits && Object.keys(d.edits).length ? 'edited' : 'confirmed';
  }
  const reviewed = e => statusOf(e) !== 'unreviewed';

  /* rendering ---------------------------------------------------------------------------- */
  function esc(s) {
    return s.replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
  }
  function markClass(e) {
    const r = effective(e);
    const cls = ['c', 'k-' + (r.kind || 'none')];
    if (r.qualifier === 'range') cls.push('range');
    if (r.optional) cls.push('opt');
    if (e.item.headline) cls.push(e.item.headline.shown ? 'hl' : 'hl2');
    if (DIFF) cls.push('d-' + e.item.fate);
    else cls.push('s-' + statusOf(e));
    if (!matches(e)) cls.push('off');
    if (current === e) cls.push('cur');
    return cls.join(' ');
  }
  // One block's HTML: its text with the marks (and a heading's own words) as nested elements;
  // an element that would cross its parent's end is cut there (its data-* keep the true offsets).
  function blockHTML(block, inside) {
    const [start, end, level, headEnd] = block;
    // a figure broken across lines by a scraper is drawn up to its line's end
    const spans = inside.map(e => ({
      start: e.item.start, end: Math.min(e.item.end, end),
      open: '<mark class="' + markClass(e) + '" data-i="' + e.id + '" data-start="' + e.item.start +
        '" data-end="' + e.item.end + '">', close: '</mark>'
    }));
    if (level > 0 && headEnd < end) {
      spans.push({ start, end: headEnd, open: '<span class="hd">', close: '</span>' });
    }
    spans.sort((a, b) => a.start - b.start || b.end - a.end);
    let out = '', pos = start;
    const stack = [];
    const closeTo = limit => {
      while (stack.length && stack[stack.length - 1].end <= limit) {
        const top = stack.pop();
        out += esc(slice(pos, top.end)) + top.close;
        pos = top.end;
      }
    };
    for (const s of spans) {
      closeTo(s.start);
      const stop = stack.length ? Math.min(s.end, stack[stack.length - 1].end) : s.end;
      if (s.start < pos || stop <= s.start) continue;
      out += esc(slice(pos, s.start)) + s.open;
      pos = s.start;
      stack.push({ end: stop, close: s.close });
    }
    closeTo(Infinity);
    out += esc(slice(pos, end));
    const tag = level === -1 ? 'h1' : level === 1 ? 'h2' : level >= 2 && headEnd >= end ? 'h3' : 'p';
    const cls = level > 0 && headEnd < end ? 'b lead' : 'b';
    return '<' + tag + ' class="' + cls + '" data-start="' + start + '" data-end="' + end + '">' +
      out + '</' + tag + '>';
  }
  let markEls = [];
  function renderText() {
    let html = '', k = 0;
    for (const block of DOC.blocks) {
      while (k < entries.length && entries[k].item.start < block[0]) k++;
      const inside = [];
      let j = k;
      while (j < entries.length && entries[j].item.start < block[1]) inside.push(entries[j++]);
      html += blockHTML(block, inside);
    }
    const box = $('text');
    box.innerHTML = html;
    markEls = new Array(entries.length);
    box.querySelectorAll('mark.c').forEach(el => { markEls[+el.dataset.i] = el; });
  }
  const byId = id => entries.find(e => e.id === id);
  function refreshMarks() {
    for (const e of entries) { const el = markEls[e.id]; if (el) el.className = markClass(e); }
  }

  /* filters ------------------------------------------------------------------------------ */
  const filter = { q: '', kind: '', indicator: '', unit: '', section: '', status: '' };
  function sectionOf(r) {
    if (r.section !== undefined && r.section !== null) return r.section;
    let path = '';
    for (const s of DOC.sections) if (s.start <= r.start) path = s.path;
    return path;
  }
  function matches(e) {
    const r = effective(e);
    if (filter.kind && (r.kind || 'none') !== filter.kind) return false;
    if (filter.indicator && (r.indicator_id || '') !== filter.indicator.replace(/^-$/, '')) return false;
    if (filter.unit && r.unit !== filter.unit) return false;
    if (filter.section) {
      const s = sectionOf(r);
      if (s !== filter.section && !s.startsWith(filter.section + ' > ')) return false;
    }
    if (filter.status && (DIFF ? e.item.fate : statusOf(e)) !== filter.status) return false;
    if (filter.q) {
      const hay = [r.surface, r.indicator, r.indicator_id, INDICATOR_NAMES[r.indicator_id],
        e.item.sent ? slice(e.item.sent[0], e.item.sent[1]) : ''].join('\u0001').toLowerCase();
      if (!hay.includes(filter.q)) return false;
    }
    return true;
  }
  function option(value, label, count) {
    return '<option value="' + esc(value) + '">' + esc(label) +
      (count === undefined ? '' : ' (' + count + ')') + '</option>';
  }
  function counted(values) {
    const n = new Map();
    values.forEach(v => n.set(v, (n.get(v) || 0) + 1));
    return n;
  }
  function fillFilters() {
    const recs = entries.map(effective);
    const kinds = counted(recs.map(r => r.kind || 'none'));
    $('f-kind').innerHTML = option('', 'every kind') +
      ['actual', 'target', 'none'].filter(k => kinds.has(k)).map(k => option(k, k, kinds.get(k))).join('');
    const ids = counted(recs.map(r => r.indicator_id || '-'));
    $('f-indicator').innerHTML = option('', 'every indicator') +
      CODES.indicator_id.filter(x => ids.has(x.id))
        .map(x => option(x.id, x.name + ' · ' + x.id, ids.get(x.id))).join('') +
      (ids.has('-') ? option('-', 'no indicator id', ids.get('-')) : '');
    const units = counted(recs.map(r => r.unit));
    $('f-unit').innerHTML = option('', 'every unit') +
      CODES.unit.filter(x => units.has(x)).map(x => option(x, x, units.get(x))).join('');
    $('f-section').innerHTML = option('', 'every section') + DOC.sections.filter(s => s.level <= 2)
      .map(s => option(s.path, (s.level > 1 ? '\u00a0\u00a0' : '') + s.path.split(' > ').pop())).join('');
    const statuses = DIFF ? Object.keys(FATE_NAMES)
      : ['unreviewed', 'confirmed', 'edited', 'wrong', 'added'];
    const have = counted(entries.map(e => DIFF ? e.item.fate : statusOf(e)));
    $('f-status').innerHTML = option('', DIFF ? 'every fate' : 'every status') +
      statuses.filter(s => have.has(s)).map(s => option(s, DIFF ? FATE_NAMES[s] : s, have.get(s))).join('');
    for (const k of ['kind', 'indicator', 'unit', 'section', 'status']) $('f-' + k).value = filter[k];
  }
  function applyFilter() {
    refreshMarks();
    const shown = entries.filter(matches).length;
    $('shown').textContent = shown === entries.length ? entries.length + ' figures'
      : shown + ' of ' + entries.length + ' figures shown';
    renderSections();
  }

  /* side panel --------------------------------------------------------------------------- */
  function renderHeadline() {
    const box = $('headline-box');
    if (!DATA.headline.length) {
      box.hidden = DIFF;
      $('headline').innerHTML = '<tr><td class="muted">no headline figures in this report</td></tr>';
      return;
    }
    let html = '', group = null;
    for (const row of DATA.headline) {
      const g = row.kind + row.period;
      if (group !== null && g !== group) html += '<tr class="gap"><td colspan="2"></td></tr>';
      group = g;
      html += '<tr class="hrow" data-start="' + row.start + '" data-end="' + row.end + '" tabindex="0">' +
        '<th>' + esc(row.label) + '</th><td class="k-' + esc(row.kind || 'none') + '">' +
        esc(row.display) + (row.mentions > 1 ? '<sup title="stated ' + row.mentions + ' times">*</sup>' : '') +
        '</td></tr>';
    }
    $('headline').innerHTML = html;
  }
  function renderSections() {
    const rows = DOC.sections.filter(s => s.level <= 2).map((s, i) => {
      const inS = entries.filter(e => e.item.start >= s.start && e.item.start < s.end);
      const shown = inS.filter(matches).length;
      const done = DIFF ? inS.filter(e => e.item.fate !== 'agree').length : inS.filter(reviewed).length;
      return '<tr data-start="' + s.start + '" class="lv' + s.level + '"><th>' +
        esc(s.path.split(' > ').pop()) + '</th><td title="figures shown / in the section">' +
        (shown === inS.length ? inS.length : shown + '/' + inS.length) + '</td><td class="muted" title="' +
        (DIFF ? 'differences' : 'reviewed') + '">' + (DIFF ? done + ' diff' : done + ' ✓') + '</td></tr>';
    });
    $('sections').innerHTML = rows.join('') || '<tr><td class="muted">no headings found</td></tr>';
  }
  function renderProgress() {
    if (DIFF) {
      const s = DATA.diff.score;
      $('progress').textContent = DATA.diff.other + ' against ' + DATA.diff.reference + ': exact F1 ' +
        s.exact.f1.toFixed(3);
      return;
    }
    const n = counted(entries.map(statusOf));
    const done = entries.length - (n.get('unreviewed') || 0);
    $('progress').textContent = done + ' of ' + entries.length + ' reviewed' +
      (n.get('wrong') ? ' · ' + n.get('wrong') + ' wrong' : '') +
      (n.get('edited') ? ' · ' + n.get('edited') + ' edited' : '') +
      (n.get('added') ? ' · ' + n.get('added') + ' added' : '');
  }
  function renderSummary() {
    if (!DIFF) return;
    const d = DATA.diff, s = d.score;
    const pct = x => x === null || x === undefined ? '—' : x.toFixed(3);
    let html = '<h2>' + esc(d.other) + ' <small>against</small> ' + esc(d.reference) + '</h2>' +
      '<p class="muted">' + s.gold + ' records (+' + s.optional + ' optional), ' + s.claims +
      ' figures (' + s.neutral + ' on optional records); counted as <code>reportx eval</code> counts them</p>' +
      '<table class="score"><tr><th></th><th>tp</th><th>fp</th><th>fn</th><th>P</th><th>R</th><th>F1</th></tr>';
    for (const k of ['detection', 'exact']) {
      const m = s[k];
      html += '<tr><th>' + k + '</th><td>' + m.tp + '</td><td>' + m.fp + '</td><td>' + m.fn + '</td><td>' +
        pct(m.precision) + '</td><td>' + pct(m.recall) + '</td><td>' + pct(m.f1) + '</td></tr>';
    }
    html += '</table><table class="score"><tr><th>attribute</th><th>right</th><th>accuracy</th></tr>';
    for (const [k, v] of Object.entries(s.agreement)) {
      html += '<tr><th>' + k + '</th><td>' + v[0] + '/' + v[1] + '</td><td>' + pct(s.accuracy[k]) + '</td></tr>';
    }
    html += '</table>';
    if (d.agreement) {
      const a = d.agreement;
      html += '<table class="score"><tr><th colspan="3">agreement of the two files</th></tr>' +
        '<tr><th>span F1</th><td colspan="2">' + pct(a.span_f1) + ' (' + a.same_span + ' identical spans)</td></tr>' +
        '<tr><th>value F1</th><td colspan="2">' + pct(a.value_f1) + ' (' + a.same_value + ' same value)</td></tr>';
      for (const [k, v] of Object.entries(a.kappa)) {
        html += '<tr><th>κ ' + k + '</th><td>' + pct(v.kappa) + '</td><td class="muted">' + v.pairs +
          ' pairs, ' + pct(v.observed) + ' same</td></tr>';
      }
      html += '</table>';
    }
    $('summary').innerHTML = html;
    $('summary').hidden = false;
  }
  function renderLegend() {
    const chip = (cls, label) => '<span class="chip"><mark class="c ' + cls + '">5%</mark> ' + label + '</span>';
    let html = chip('k-actual', 'actual') + chip('k-target', 'target') + chip('k-none', 'no kind') +
      chip('k-actual hl', 'headline') + chip('k-target range', 'range') + chip('k-actual opt', 'optional');
    if (DIFF) html += '<br>' + Object.keys(FATE_NAMES).map(f => chip('k-none d-' + f, FATE_NAMES[f])).join('');
    else html += '<br>' + chip('k-actual s-confirmed', 'confirmed') + chip('k-actual s-edited', 'edited') +
      chip('k-actual s-wrong', 'wrong') + chip('k-none s-added', 'added');
    $('legend').innerHTML = html;
  }

  /* details of one figure ---------------------------------------------------------------- */
  let current = null;       // the figure selected (click, keys); hover shows another for a while
  function fmtValue(v) {
    if (v === null || v === undefined || v === '') return '—';
    return Number(v).toLocaleString('en-US', { maximumFractionDigits: 6 });
  }
  function show(v) { return v === null || v === undefined || v === '' ? '—' : String(v); }
  const BEFORE = 70, AFTER = 50;    // characters of a long sentence shown around the figure
  function sentenceHTML(r, sent) {
    let [s, t] = sent || blockAround(r.start);
    if (r.start < s || r.end > t) [s, t] = blockAround(r.start);
    const from = Math.max(s, r.start - BEFORE), to = Math.min(t, r.end + AFTER);
    return (from > s ? '…' : '') + esc(slice(from, r.start)) + '<b>' + esc(slice(r.start, r.end)) + '</b>' +
      esc(slice(r.end, to)) + (to < t ? '…' : '');
  }
  function blockAround(pos) {
    const b = DOC.blocks.find(b => b[0] <= pos && pos < b[1]);
    return b ? [b[0], b[1]] : [pos, pos];
  }
  const ROWS = [
    ['value', r => fmtValue(r.value)],
    ['value_high', r => fmtValue(r.value_high)], ['unit', r => esc(show(r.unit))],
    ['indicator', r => esc(show(r.indicator))],
    ['indicator_id', r => esc(show(r.indicator_id)) +
      (INDICATOR_NAMES[r.indicator_id] ? ' <span class="muted">' + esc(INDICATOR_NAMES[r.indicator_id]) + '</span>' : '')],
    ['period', r => esc(show(r.period))], ['span', r => esc(show(r.span))],
    ['kind', r => esc(show(r.kind))], ['qualifier', r => esc(show(r.qualifier))],
    ['direction', r => esc(show(r.direction))], ['classifier', r => esc(show(r.classifier))],
    ['rule', r => esc(show(r.rule))], ['optional', r => r.optional ? 'yes' : '—'],
    ['offsets', r => r.start + '–' + r.end]
  ];
  const COMPACT = [['value', 'unit'], ['value_high', 'span'], ['indicator'], ['indicator_id'],
    ['period', 'kind'], ['qualifier', 'direction'], ['classifier', 'rule'], ['optional', 'offsets']];
  function detailsHTML(e) {
    const r = effective(e);
    const status = DIFF ? FATE_NAMES[e.item.fate] : statusOf(e);
    let html = '<div class="dhead"><span class="surface">' + esc(r.surface || slice(r.start, r.end)) +
      '</span> <span class="badge b-' + esc(DIFF ? e.item.fate : statusOf(e)) + '">' + esc(status) + '</span>' +
      (e.item.headline ? ' <span class="badge b-hl">' + (e.item.headline.shown ? '★ ' : '☆ repeat · ') +
        esc(e.item.headline.row) + '</span>' : '') + '</div>' +
      '<p class="sentence">' + sentenceHTML(r, e.item.sent) + '</p>' +
      '<p class="muted section">' + esc(sectionOf(r) || '(before the first heading)') + '</p>';
    if (DIFF) {
      const ref = e.item.origin === 'reference' ? e.item : e.item.ref;
      const other = e.item.origin === 'reference' ? null : e.item;
      html += '<table class="fields two"><tr><th></th><th>' + esc(DATA.diff.reference) + '</th><th>' +
        esc(DATA.diff.other) + '</th></tr>';
      // what eval scores (an attribute, or value and unit of a mismatch) stands out from
      // other differences (the indicator phrase as written); a claim has no rule to compare
      const scored = new Set(e.item.differs || []);
      if (e.item.fate === 'mismatch') { scored.add('value'); scored.add('unit'); }
      const comparable = name => name !== 'rule' && name !== 'offsets' &&
        !(name === 'optional' && other && other.optional === undefined);
      for (const [name, cell] of ROWS) {
        const a = ref ? cell(ref) : '—', b = other ? cell(other) : '—';
        const differ = ref && other && comparable(name) && (a !== b || scored.has(name))
          ? ' class="differs' + (scored.has(name) ? ' scored' : '') + '"' : '';
        html += '<tr' + differ + ' data-field="' + name + '"><th>' + name + '</th><td>' + a + '</td><td>' + b + '</td></tr>';
      }
      return html + '</table>';
    }
    // two fields a line (long ones alone), so the panel keeps room for the headline table
    const cells = Object.fromEntries(ROWS);
    const td = name => '<th>' + name + '</th><td data-field="' + name + '">' + cells[name](r) + '</td>';
    html += '<table class="fields">' + COMPACT.map(line => '<tr>' + (line.length === 2
      ? td(line[0]) + td(line[1]) : td(line[0]).replace('<td', '<td colspan="3"')) + '</tr>').join('');
    html += '</table><div class="actions">' + (e.added
      ? '<button data-act="edit">edit (e)</button><button data-act="delete">delete</button>'
      : '<button data-act="confirm">confirm (c)</button><button data-act="wrong">wrong (x)</button>' +
        '<button data-act="optional">optional (o)</button><button data-act="edit">edit (e)</button>' +
        '<button data-act="reset">undo</button>') + '</div>';
    return html;
  }
  function showDetails(e) {
    $('details').innerHTML = e ? detailsHTML(e)
      : '<p class="muted">Point at a figure to see its fields; click it to select it. ' +
        (EDITABLE ? 'Select text in the report to add a figure the engine missed. ' : '') +
        'Press ? for the keys.</p>';
  }
  function select(e, scroll) {
    const old = current;
    current = e;
    if (old && markEls[old.id]) markEls[old.id].className = markClass(old);
    if (e && markEls[e.id]) {
      markEls[e.id].className = markClass(e);
      if (scroll) markEls[e.id].scrollIntoView({ block: 'center', behavior: 'instant' });
    }
    showDetails(e);
  }

  /* corrections -------------------------------------------------------------------------- */
  function decide(e, change) {
    if (!EDITABLE || !e) return;
    if (e.added) return;
    const k = keyOf(e.item);
    const d = Object.assign({}, state.decisions[k] || {}, change);
    state.decisions[k] = d;
    changed(e);
  }
  function changed(e) {
    saveState();
    fillFilters();             // the status counts in the filter changed
    if (e && markEls[e.id]) markEls[e.id].className = markClass(e);
    if (current === e) showDetails(e);
    renderProgress();
    renderSections();
  }
  function act(name, e) {
    if (!EDITABLE || !e) return;
    if (name === 'confirm') decide(e, { status: 'confirmed' });
    else if (name === 'wrong') decide(e, { status: statusOf(e) === 'wrong' ? 'confirmed' : 'wrong' });
    else if (name === 'optional') {
      const now = !effective(e).optional;
      if (e.added) { e.item.optional = now; changed(e); } else decide(e, { optional: now, status: 'confirmed' });
    } else if (name === 'reset') { delete state.decisions[keyOf(e.item)]; changed(e); }
    else if (name === 'edit') openForm(e);
    else if (name === 'delete') {
      state.added = state.added.filter(r => r !== e.item);
      saveState();
      current = null;
      rebuild();
    }
  }
  function selectHTML(name, values, value, labels) {
    return '<select name="' + name + '">' + ['', ...values].map(v =>
      '<option value="' + esc(v) + '"' + ((value || '') === v ? ' selected' : '') + '>' +
      esc(v === '' ? '—' : labels && labels[v] ? v + ' · ' + labels[v] : v) + '</option>').join('') + '</select>';
  }
  function formHTML(r, isNew) {
    const input = (name, type, extra) => '<input name="' + name + '" type="' + type + '" value="' +
      esc(r[name] === null || r[name] === undefined ? '' : String(r[name])) + '"' + (extra || '') + '>';
    const ids = CODES.indicator_id.map(x => x.id);
    return '<form id="edit-form" class="edit">' +
      '<div class="dhead"><span class="surface">' + esc(r.surface) + '</span> <span class="muted">' +
      (isNew ? 'new figure ' : '') + r.start + '–' + r.end + '</span></div>' +
      '<label>value' + input('value', 'number', ' step="any" min="0" required placeholder="base unit: 1.3万个 → 13000"') + '</label>' +
      '<label>value_high' + input('value_high', 'number', ' step="any" min="0" placeholder="a range’s upper end"') + '</label>' +
      '<label>unit' + selectHTML('unit', CODES.unit, r.unit) + '</label>' +
      '<label>classifier' + input('classifier', 'text') + '</label>' +
      '<label>indicator' + input('indicator', 'text', ' placeholder="as written"') + '</label>' +
      '<label>indicator_id' + selectHTML('indicator_id', ids, r.indicator_id, INDICATOR_NAMES) + '</label>' +
      '<label>period' + input('period', 'text', ' pattern="\\d{4}" placeholder="2023"') + '</label>' +
      '<label>span' + input('span', 'number', ' min="2" step="1" placeholder="years, when more than one"') + '</label>' +
      '<label>kind' + selectHTML('kind', CODES.kind, r.kind) + '</label>' +
      '<label>qualifier' + selectHTML('qualifier', CODES.qualifier, r.qualifier) + '</label>' +
      '<label>direction' + selectHTML('direction', CODES.direction, r.direction) + '</label>' +
      '<label class="check"><input name="optional" type="checkbox"' + (r.optional ? ' checked' : '') + '> optional</label>' +
      '<p id="form-error" class="error" hidden></p>' +
      '<div class="actions"><button type="submit">save (Enter)</button><button type="button" data-act="cancel">cancel (Esc)</button></div></form>';
  }
  let formFor = null;        // the entry being edited, or {item} of a figure being added
  function openForm(e) {
    formFor = e;
    $('details').innerHTML = formHTML(effective(e), !!e.isNew);
    const first = $('edit-form').querySelector(e.isNew ? 'select[name=unit]' : 'input[name=value]');
    if (first) first.focus();
  }
  function readForm(form) {
    const f = new FormData(form);
    const num = name => { const s = String(f.get(name) || '').trim(); return s === '' ? null : Number(s); };
    const text = name => { const s = String(f.get(name) || '').trim(); return s === '' ? null : s; };
    const out = {
      value: num('value'), value_high: num('value_high'), unit: text('unit'), classifier: text('classifier'),
      indicator: text('indicator'), indicator_id: text('indicator_id'), period: text('period'),
      span: num('span'), kind: text('kind'), qualifier: text('qualifier'), direction: text('direction'),
      optional: f.get('optional') === 'on'
    };
    const problems = [];
    if (out.value === null || !(out.value >= 0)) problems.push('value: a number ≥ 0 in the base unit');
    if (!out.unit) problems.push('unit: pick one');
    if (out.qualifier === 'range' && !(out.value_high > out.value)) problems.push('a range needs value_high above value');
    if (out.qualifier !== 'range' && out.value_high !== null) problems.push('value_high is only for a range');
    if (out.period !== null && !/^\d{4}$/.test(out.period)) problems.push('period: a year, 2023');
    if (out.span !== null && !(Number.isInteger(out.span) && out.span >= 2)) problems.push('span: whole years, 2 or more');
    return { out, problems };
  }
  function submitForm(form) {
    const { out, problems } = readForm(form);
    if (problems.length) {
      const p = $('form-error'); p.textContent = problems.join('; '); p.hidden = false;
      return;
    }
    const e = formFor;
    formFor = null;
    if (e.isNew) {
      const rec = Object.assign({ start: e.item.start, end: e.item.end, surface: e.item.surface, rule: null,
        raw_number: null, raw_unit: null }, out);
      rec.section = sectionOf(rec);
      state.added.push(rec);
      saveState();
      rebuild();
      select(entries.find(x => x.item === rec), false);
      return;
    }
    if (e.added) { Object.assign(e.item, out); changed(e); return; }
    const edits = {};
    for (const k of FIELD_NAMES) if ((e.item[k] ?? null) !== (out[k] ?? null)) edits[k] = out[k];
    decide(e, { status: 'confirmed', edits, optional: out.optional });
  }

  /* adding a figure the engine missed: select its text ------------------------------------ */
  function selectionSpan() {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
    const range = sel.getRangeAt(0);
    const block = n => (n.nodeType === 1 ? n : n.parentElement).closest('#text .b');
    const b1 = block(range.startContainer), b2 = block(range.endContainer);
    if (!b1 || b1 !== b2) return null;
    const base = u(+b1.dataset.start);
    const at = (node, off) => { const r = document.createRange(); r.setStart(b1, 0); r.setEnd(node, off); return r.toString().length; };
    let s = base + at(range.startContainer, range.startOffset);
    let t = base + at(range.endContainer, range.endOffset);
    while (s < t && /\s/.test(TEXT[s])) s++;
    while (t > s && /\s/.test(TEXT[t - 1])) t--;
    if (s >= t) return null;
    return { start: cp(s), end: cp(t) };
  }
  function startAdding() {
    const span = selectionSpan();
    $('add-float').hidden = true;
    if (!span) { toast('select the figure’s text (number and unit) in one paragraph first'); return; }
    const clash = entries.find(e => e.item.start < span.end && span.start < e.item.end);
    if (clash) { select(clash, false); toast('that text overlaps ' + clash.item.surface + ': correct that figure instead'); return; }
    const surface = slice(span.start, span.end);
    const digits = surface.replace(/[０-９．]/g, c => String.fromCharCode(c.charCodeAt(0) - 0xFEE0)).match(/\d+(\.\d+)?/);
    const item = { start: span.start, end: span.end, surface, value: digits ? Number(digits[0]) : null,
      value_high: null, unit: null, classifier: null, indicator: null, indicator_id: null,
      period: null, span: null, kind: null, qualifier: null, direction: null, optional: false };
    const section = DOC.sections.filter(s => s.start <= span.start).pop();
    const plan = entries.filter(e => e.item.start < span.start && e.item.kind).pop();
    if (plan) { item.kind = plan.item.kind; item.period = plan.item.period; }   // the nearest figure before it says which part it is in
    item.section = section ? section.path : '';
    window.getSelection().removeAllRanges();
    openForm({ item, isNew: true, added: true });
  }

  /* navigation --------------------------------------------------------------------------- */
  function step(dir, want) {
    const pool = entries.filter(e => matches(e) && (!want || want(e)));
    if (!pool.length) { toast(want ? 'nothing left to review here' : 'no figure matches the filters'); return; }
    const at = current ? current.pos : (dir > 0 ? -1 : entries.length);
    let next = dir > 0 ? pool.find(e => e.pos > at) : [...pool].reverse().find(e => e.pos < at);
    if (!next) next = dir > 0 ? pool[0] : pool[pool.length - 1];    // wrap around
    select(next, true);
  }
  function jumpTo(start) {
    const e = entries.find(x => x.item.start === start);
    if (e) { select(e, true); flash(markEls[e.id]); }
  }
  function scrollToBlock(start) {
    const el = document.querySelector('#text .b[data-start="' + start + '"]');
    if (el) { el.scrollIntoView({ block: 'start', behavior: 'instant' }); window.scrollBy(0, -$('top').offsetHeight - 8); flash(el); }
  }
  function flash(el) {
    if (!el) return;
    el.classList.add('flash');
    setTimeout(() => el.classList.remove('flash'), 900);
  }
  let toastTimer = 0;
  function toast(msg) {
    const t = $('toast');
    t.textContent = msg; t.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { t.hidden = true; }, 3500);
  }
  const KEYS = [
    ['j / ↓', 'next figure (among those the filters show)'], ['k / ↑', 'previous figure'],
    ['u', DIFF ? 'next difference eval counts' : 'next unreviewed figure'], ['c', 'confirm'], ['x', 'wrong (again: not wrong)'],
    ['o', 'optional on / off'], ['e', 'edit the fields'], ['a', 'add the selected text as a figure'],
    ['/', 'search'], ['Esc', 'close the form or this help; clear the selection'], ['?', 'this help']
  ];
  function renderHelp() {
    $('help').innerHTML = '<h2>Keys</h2><table>' + KEYS.filter(([k]) => EDITABLE || !'cxoea'.includes(k))
      .map(([k, what]) => '<tr><th>' + esc(k) + '</th><td>' + esc(what) + '</td></tr>').join('') +
      '</table><p class="muted">Work is kept in this browser for this report (' + esc(DOC.key) +
      ') and survives a reload. Export writes it as JSON Lines that <code>reportx eval</code> scores.</p>';
  }

  /* export ------------------------------------------------------------------------------- */
  function exportRecords(onlyReviewed) {
    const out = [];
    for (const e of entries) {
      const st = statusOf(e);
      if (st === 'wrong' || (onlyReviewed && st === 'unreviewed')) continue;
      const r = effective(e);
      const rec = {};
      for (const f of GOLD_FIELDS) {
        rec[f] = f === 'doc' ? DOC.key : f === 'key' ? (r.indicator_id ?? null)
          : f === 'optional' ? !!r.optional : (r[f] ?? null);
      }
      out.push(rec);
    }
    out.sort((a, b) => a.start - b.start || a.end - b.end);
    return out;
  }
  function download() {
    const recs = exportRecords($('reviewed-only').checked);
    const blob = new Blob([recs.map(r => JSON.stringify(r)).join('\n') + '\n'], { type: 'application/x-ndjson' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = DOC.key + '.review.jsonl';
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    toast(recs.length + ' records exported; score the engine with: reportx eval ' + a.download + ' ' + DOC.key);
  }

  /* wiring ------------------------------------------------------------------------------- */
  function rebuild() {
    buildEntries();
    renderText();
    fillFilters();
    applyFilter();
    renderProgress();
    if (current && !entries.includes(current)) current = null;
  }
  function afterPaint(fn) { requestAnimationFrame(() => requestAnimationFrame(fn)); }
  function onFilter(name, value) {
    const t0 = performance.now();
    filter[name] = value;
    applyFilter();
    afterPaint(() => { timings.filter = performance.now() - t0; timings.filters = (timings.filters || 0) + 1; });
  }
  function wire() {
    for (const k of ['kind', 'indicator', 'unit', 'section', 'status']) {
      $('f-' + k).addEventListener('change', ev => onFilter(k, ev.target.value));
    }
    $('f-section').addEventListener('change', ev => {      // and go there
      const s = DOC.sections.find(x => x.path === ev.target.value);
      if (s) scrollToBlock(s.start);
    });
    $('search').addEventListener('input', ev => onFilter('q', ev.target.value.trim().toLowerCase()));
    const text = $('text');
    let pinnedTimer = 0;
    text.addEventListener('mouseover', ev => {
      const m = ev.target.closest('mark.c');
      if (!m || formFor) return;
      clearTimeout(pinnedTimer);
      showDetails(byId(+m.dataset.i));
    });
    text.addEventListener('mouseout', ev => {
      if (!ev.target.closest('mark.c') || formFor) return;
      clearTimeout(pinnedTimer);
      pinnedTimer = setTimeout(() => { if (!formFor) showDetails(current); }, 600);
    });
    text.addEventListener('click', ev => {
      const m = ev.target.closest('mark.c');
      if (m && window.getSelection().isCollapsed) select(byId(+m.dataset.i), false);
    });
    text.addEventListener('mouseup', ev => {
      if (!EDITABLE) return;
      const span = selectionSpan();
      const btn = $('add-float');
      if (!span) { btn.hidden = true; return; }
      btn.style.left = Math.min(ev.clientX + 8, window.innerWidth - 160) + 'px';
      btn.style.top = (ev.clientY + 14) + 'px';
      btn.hidden = false;
    });
    $('add-float').addEventListener('mousedown', ev => ev.preventDefault());   // keep the selection
    $('add-float').addEventListener('click', startAdding);
    $('details').addEventListener('click', ev => {
      const b = ev.target.closest('button[data-act]');
      if (!b) return;
      if (b.dataset.act === 'cancel') { formFor = null; showDetails(current); return; }
      act(b.dataset.act, current);
    });
    $('details').addEventListener('submit', ev => { ev.preventDefault(); submitForm(ev.target); });
    $('headline').addEventListener('click', ev => {
      const row = ev.target.closest('tr.hrow');
      if (row) jumpTo(+row.dataset.start);
    });
    $('headline').addEventListener('keydown', ev => {
      const row = ev.target.closest('tr.hrow');
      if (row && ev.key === 'Enter') jumpTo(+row.dataset.start);
    });
    $('sections').addEventListener('click', ev => {
      const row = ev.target.closest('tr[data-start]');
      if (row) scrollToBlock(+row.dataset.start);
    });
    $('export').addEventListener('click', download);
    $('help-button').addEventListener('click', () => { $('help').hidden = !$('help').hidden; });
    document.addEventListener('keydown', onKey);
  }
  function onKey(ev) {
    const typing = ev.target.closest && ev.target.closest('input, select, textarea');
    if (ev.key === 'Escape') {
      if (formFor) { formFor = null; showDetails(current); }
      else if (!$('help').hidden) $('help').hidden = true;
      else if (typing) ev.target.blur();
      else select(null, false);
      return;
    }
    if (typing || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const k = ev.key;
    const handled = {
      j: () => step(1), ArrowDown: () => step(1), k: () => step(-1), ArrowUp: () => step(-1),
      u: () => step(1, e => DIFF ? COUNTED.includes(e.item.fate) : !reviewed(e)),
      '/': () => $('search').focus(), '?': () => { $('help').hidden = !$('help').hidden; }
    };
    if (EDITABLE) {
      Object.assign(handled, {
        c: () => act('confirm', current), x: () => act('wrong', current), o: () => act('optional', current),
        e: () => act('edit', current), a: startAdding
      });
    }
    if (handled[k]) { ev.preventDefault(); handled[k](); }
  }

  // Corrections kept for figures this page no longer has (the rules changed since): say so
  // rather than drop them silently; they stay stored but are not exported.
  function warnOrphans() {
    if (!EDITABLE) return;
    const here = new Set(DATA.items.map(keyOf));
    const lost = Object.keys(state.decisions).filter(k => !here.has(k));
    if (lost.length) {
      toast(lost.length + ' stored correction(s) are for figures this page no longer shows (at ' +
        lost.slice(0, 3).join(', ') + '); they are not exported');
    }
  }

  function init() {
    $('doc-title').textContent = DOC.title || DOC.key;
    $('doc-meta').textContent = [DOC.key, DOC.city, DOC.date || DOC.year, DOC.speaker].filter(Boolean).join(' · ');
    document.body.classList.add(DIFF ? 'mode-diff' : 'mode-review');
    buildEntries();
    renderText();
    fillFilters();
    renderHeadline();
    renderSummary();
    renderLegend();
    renderHelp();
    applyFilter();
    renderProgress();
    showDetails(null);
    warnOrphans();
    wire();
    const fitHeader = () => document.documentElement.style.setProperty('--head', $('top').offsetHeight + 'px');
    fitHeader();
    window.addEventListener('resize', fitHeader);
    timings.rendered = performance.now();
    afterPaint(() => { timings.painted = performance.now(); document.body.dataset.ready = '1'; });
  }
  init();
})();
