"""The questions people ask of a report, answered as plain results that any format can render."""
