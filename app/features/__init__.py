"""Features: each module's `install(sessions, window)` connects its screens' requests to operations of the
account sessions (app.session), and returns the object that does it."""
