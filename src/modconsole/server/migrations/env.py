"""Alembic environment for the server: runs on the connection ServerDatabase hands it."""

from alembic import context

from modconsole.server.models import Base

context.configure(connection=context.config.attributes["connection"],
                  target_metadata=Base.metadata, render_as_batch=True, compare_type=True,
                  version_table="server_schema_version")
with context.begin_transaction():
    context.run_migrations()
