"""modconsole: the back office of a community team (roster, violation queue,
phrase book and activity planner) on a local SQLite file."""

__version__ = "0.1.0"
