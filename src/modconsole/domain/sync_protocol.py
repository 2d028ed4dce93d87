"""The sync protocol's number, shared by the team server and the console so they can tell
each other which one is too old. Raise it when a change breaks the other side.

1: the first. 2: pushes of up to 5,000 changes (a server of protocol 1 takes 1,000).
3: pushes and pulled pages of up to 10,000 changes (protocol 2: 5,000). A server serves
consoles of every older protocol."""

PROTOCOL = 3

# Settings the whole team shares (entity "team_settings", row id = the key, payload
# {"value": ...}); the console keeps them among its own settings under the same key.
REVIEW_SETTING = "replies_review_required"
TEAM_SETTINGS = frozenset({REVIEW_SETTING})

# An evidence file attached to a case: the console refuses larger ones, the server too.
MAX_EVIDENCE_BYTES = 50 * 1024 * 1024

# Counters a console derives from history that syncs without conflict: a member's points
# are the sum of the points ledger, a case's report count the number of its reports. Two
# consoles that each add to one never conflict: the server lets the newest value stand,
# and every console counts again from the history it has pulled.
COUNTERS: dict[str, frozenset[str]] = {"members": frozenset({"points"}),
                                       "cases": frozenset({"report_count"})}
