"""Published pages in and out: the layouts a department's report reaches users in."""
