"""Exceptions the library raises; the CLI turns each into a one-line message and exit code."""


class ReportxError(Exception):
    """Base class: anything a user can cause and should read about in one line."""


class InputError(ReportxError):
    """A report could not be read: missing, empty, binary, undecodable, no report text."""


class AmbiguousName(InputError):
    """A report's name that means several reports (listed in the message)."""


class RuleError(ReportxError):
    """A rule file is broken. The message names the file, the rule id and the problem."""

    def __init__(self, path, rule_id, problem):
        self.path, self.rule_id, self.problem = str(path), rule_id, problem
        where = f"{self.path}: rule {rule_id!r}" if rule_id else self.path
        super().__init__(f"{where}: {problem}")


class RuleTimeout(RuleError):
    """A rule's pattern took longer than its time limit on some text (catastrophic backtracking)."""


class OutputError(ReportxError):
    """An output file could not be written."""


class ReportxWarning(UserWarning):
    """Something was read, but maybe not all of it (a page that yields less than a report, pages
    without text, damaged bytes): issued with `warnings.warn`, so a library user can filter it and
    the CLI prints it as one line."""
