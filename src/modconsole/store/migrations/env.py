"""Alembic environment: runs on the connection modconsole hands it."""

from alembic import context

from modconsole.store.derived_tables import include_name
from modconsole.store.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    compare_type=True,
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
