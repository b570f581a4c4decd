"""Screens: each shows data handed to it and emits what the user asked for; none fetches or stores anything."""
