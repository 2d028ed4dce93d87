"""The team in the console: signing in, the background sync, sync problems."""
