"""SQL text for psycopg, compiled once from SQLAlchemy Core statements built on the models."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects.postgresql.psycopg import PGDialect_psycopg

_DIALECT = PGDialect_psycopg()  # type: ignore[no-untyped-call]  # SQLAlchemy leaves it untyped


def compile_sql(statement: Any) -> str:
    """The statement's SQL text, with named parameters (`%(name)s`) for psycopg.

    Every parameter must be a named `bindparam` the caller supplies: an anonymous one (a Python
    literal in the expression) would need its value merged in on every request.
    """
    compiled = statement.compile(dialect=_DIALECT)
    anonymous = [name for name, value in compiled.params.items() if value is not None]
    assert not anonymous, f"literal parameters in a hot statement: {anonymous}"
    return str(compiled)
