"""Keep pytest's doctest collection to the Markdown pages."""

collect_ignore = ["conf.py", "_ext"]
