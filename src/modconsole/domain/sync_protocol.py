"""The sync protocol's number, shared by the team server and the console so they can tell
each other which one is too old. Raise it when a change breaks the other side."""

PROTOCOL = 1
