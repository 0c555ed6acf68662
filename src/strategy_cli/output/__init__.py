"""Finished results as text: one unit per format; data made inert before it reaches a stream."""
