"""The static website: `strategy site`."""
