"""The edges: the formats Klagebenk reads and writes (the evaluation JSON, …). JSON is written here only."""
