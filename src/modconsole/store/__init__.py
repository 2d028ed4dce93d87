"""SQLAlchemy models, engine setup, migrations and queries that return plain objects."""
