"""Views over claims of one or many reports: comparison, evaluation against gold, panel, review."""
