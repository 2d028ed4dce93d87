"""The team server: accounts, roles and (next) the sync log, on PostgreSQL or a SQLite trial file.

Stateless between requests: every process behind a load balancer reads and
writes one database, which holds all state, login throttling included.
Beside services, never importing the GUI; it shares the domain package.
"""

DATABASE_ENV = "MODCONSOLE_SERVER_DATABASE"  # the server's database URL, kept off command lines
