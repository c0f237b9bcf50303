"""The extraction engine: a report's text → Document (header, parts, sentences) → quantities
(number + unit) → claims (indicator, direction, qualifier, period, kind), all driven by rules/."""
