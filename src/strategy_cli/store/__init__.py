"""Files on disk: bounded reads, atomic writes, safe YAML, the canonical data file and the cache."""
