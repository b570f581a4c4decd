"""Sett: the desktop client for buying and managing hosting from a billing panel."""

__version__ = "0.1.0"
