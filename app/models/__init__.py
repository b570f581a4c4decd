"""Qt item models fed rows (lists of dicts); they never open the database or the network."""
