"""The console's side of the team server: signing in, and (next) the sync engine."""
