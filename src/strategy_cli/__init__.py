"""strategy: a UK government department's digital strategy report as validated, queryable data."""
