"""End-to-end: the real client against the real panel and localstripe."""
