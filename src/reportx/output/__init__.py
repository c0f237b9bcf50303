"""Writing tables to files and terminals: CSV, JSON Lines, Excel; how numbers read."""
