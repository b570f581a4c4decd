"""The parts of `app.application.Application`, one concern each, mixed into it: account actions and sign-in
prompts, the sync's results and retry schedule, cached data onto the screens, and the notes and status line."""
