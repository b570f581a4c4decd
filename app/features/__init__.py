"""Features: each module's `install(app)` connects its screens' signals to work done through `app.call`."""
