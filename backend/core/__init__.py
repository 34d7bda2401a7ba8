"""Shared plumbing that knows no feature: settings, errors, text rules, database connections,
the SQL compiler, migrations and the embedded PostgreSQL."""
