"""Use cases shared by the GUI and the CLI. They take a session and return plain data."""
