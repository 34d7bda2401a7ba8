"""API users: created the first time their token is seen, refused once deactivated.

Both happen inside each API statement, as common table expressions (`with_account`), so a
request still makes one round trip: the statement's first column says whether the user is
active, and when it is not, the statement changed nothing.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import (
    CTE,
    Select,
    String,
    Uuid,
    bindparam,
    exists,
    func,
    literal_column,
    select,
    true,
)
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.dialects.postgresql.psycopg import PGDialect_psycopg
from sqlmodel import col

from backend.models import User
from backend.security import Principal

_DIALECT = PGDialect_psycopg()  # type: ignore[no-untyped-call]  # SQLAlchemy leaves it untyped

OWNER = bindparam("owner_id", type_=Uuid)


def compile_sql(statement: Any) -> str:
    """SQL text for psycopg, compiled once from a Core statement built on the models.

    Every parameter must be a named `bindparam` the caller supplies: an anonymous one (a Python
    literal in the expression) would need its value merged in on every request.
    """
    compiled = statement.compile(dialect=_DIALECT)
    anonymous = [name for name, value in compiled.params.items() if value is not None]
    assert not anonymous, f"literal parameters in a hot statement: {anonymous}"
    return str(compiled)


def account() -> tuple[CTE, CTE]:
    """`account` (one row: `active`) and the `created` CTE that inserts a first-seen user.

    ON CONFLICT makes concurrent first requests safe. If another transaction created the row
    meanwhile, neither CTE sees it in this statement's snapshot and the user is new, so active.
    """
    existing = select(col(User.is_active)).where(col(User.id) == OWNER).cte("existing")
    created = (
        insert(User)
        .from_select(
            ["id", "email", "name", "is_active", "created_at", "updated_at"],
            select(
                OWNER,
                bindparam("email", type_=String),
                bindparam("name", type_=String),
                true(),
                # The statement's own clock: one parameter fewer to send on every request.
                func.now(),
                func.now(),
            ).where(~exists(select(literal_column("1")).select_from(existing))),
        )
        .on_conflict_do_nothing(index_elements=["id"])
        .cte("created")
    )
    active = func.coalesce(select(existing.c.is_active).scalar_subquery(), true())
    return select(active.label("active")).cte("account"), created


def account_params(principal: Principal) -> dict[str, Any]:
    """The parameters `account()` needs, for the user a token speaks for."""
    return {"owner_id": principal.user_id, "email": principal.email, "name": principal.name}


@cache
def is_active_sql() -> str:
    """One statement: whether the user may use the API, creating it on first sight.

    Only for requests refused before their own statement ran (an invalid body, a malformed
    header), so that a deactivated user is told 403 before 422, as for every other request.
    """
    account_cte, created = account()
    statement: Select[Any] = select(account_cte.c.active).add_cte(created)
    return compile_sql(statement)
