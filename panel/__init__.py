"""The embedded billing panel: a real server implementing shared/panel-api.md (FastAPI + SQLite)."""
