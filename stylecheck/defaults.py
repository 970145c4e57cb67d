"""Defaults that several layers need, written once: the house presets and the time budget."""

# The house presets bundled in rules/presets/ (`--preset`, `preset:` in a config, `test-rules`).
PRESETS = ("ap", "british")
DEFAULT_PRESET = "ap"

# Seconds a rule may spend on one file (on each megabyte of a longer one) before its scan is
# stopped: the guard against user patterns that backtrack without end.
DEFAULT_TIME_BUDGET = 2.0
