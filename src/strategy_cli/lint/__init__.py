"""`strategy lint`: rules with stable codes, the engine that places findings, and their formats."""
