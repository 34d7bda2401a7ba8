"""API users: created the first time their token is seen, refused once deactivated.

Both happen inside each API statement, as the common table expressions `ACCOUNT` and
`CREATED`, so a request still makes one round trip: the statement's `active` column says
whether the user is active, and when it is not, the statement changed nothing. The task
feature folds them into each of its statements (`backend.tasks.statements.for_account`).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import Select, String, Uuid, bindparam, exists, func, literal_column, select, true
from sqlalchemy.dialects.postgresql import insert
from sqlmodel import col

from backend.accounts.tokens import Principal
from backend.core.sql import compile_sql
from backend.models import User

OWNER = bindparam("owner_id", type_=Uuid)

_EXISTING = (
    select(col(User.is_active), col(User.created_at)).where(col(User.id) == OWNER).cte("existing")
)
# ON CONFLICT makes concurrent first requests safe. If another transaction created the row
# meanwhile, neither CTE sees it in this statement's snapshot and the user is new, so active.
CREATED = (
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
        ).where(~exists(select(literal_column("1")).select_from(_EXISTING))),
    )
    .on_conflict_do_nothing(index_elements=["id"])
    .cte("created")
)
# One row: `active`, true for a user seen for the first time.
ACCOUNT = select(
    func.coalesce(select(_EXISTING.c.is_active).scalar_subquery(), true()).label("active")
).cte("account")
ACTIVE = ACCOUNT.c.active
# When the account began, as this statement sees it (NULL for one it is creating). A user
# erased and then seen again is a new account, which what was issued to the old one (a
# change-feed token) must not be taken for.
SINCE = select(_EXISTING.c.created_at).scalar_subquery()


def account_params(principal: Principal) -> dict[str, Any]:
    """The parameters `ACCOUNT` and `CREATED` need, for the user a token speaks for."""
    return {"owner_id": principal.user_id, "email": principal.email, "name": principal.name}


@cache
def is_active_sql() -> str:
    """One statement: whether the user may use the API (`active`), creating it on first sight.

    Only for requests refused before their own statement ran (an invalid body, a malformed
    header), so that a deactivated user is told 403 before 422, as for every other request.
    """
    statement: Select[Any] = select(ACTIVE).add_cte(CREATED)
    return compile_sql(statement)
