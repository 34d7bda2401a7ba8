"""What every back-office page shares: the base view (bounded counts, CSV export a
spreadsheet shows rather than runs, refusals and unknown keys as clear errors) and helpers.

Server-set fields (ids, owners, timestamps, versions, password hashes) are left out of every
form, so a forged POST cannot set them: WTForms only reads the fields a form declares.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncGenerator, AsyncIterator, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any, cast

from markupsafe import Markup
from sqladmin import Flash, ModelView
from sqladmin.formatters import BASE_FORMATTERS
from sqladmin.helpers import secure_filename, stream_to_csv
from sqlalchemy import Select, Subquery, func, select
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import StreamingResponse
from wtforms import ValidationError
from wtforms.validators import Regexp

from backend.core.text import storable_text

# Lists count at most this many rows: past it the pager stops growing instead of PostgreSQL
# counting a million rows on every page.
COUNT_CAP = 10_000
EXPORT_MAX_ROWS = 10_000


EMAIL_FORMAT = Regexp(r"^[^@\s]+@[^@\s]+$", message="Enter an address like name@example.com.")


class ChangeRefused(Exception):
    """A change the database refused; its message is safe to show (no SQL, no values)."""


def storable_field(form: Any, field: Any) -> None:
    if isinstance(field.data, str):
        try:
            storable_text(field.data)
        except ValueError as exc:
            raise ValidationError(str(exc)) from None


def strip_field(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def as_uuid(term: str) -> uuid.UUID | None:
    """A UUID in any of its spellings, or None."""
    try:
        return uuid.UUID(term.strip())
    except ValueError:
        return None


def selected_ids(request: Request, refusal: str) -> list[uuid.UUID]:
    """The ids an action was given (`?pks=a,b`); any that is not an id refuses it (400)."""
    raw = [part for part in request.query_params.get("pks", "").split(",") if part]
    ids = [as_uuid(part) for part in raw]
    if not ids or None in ids:
        raise HTTPException(status_code=400, detail=refusal)
    return [some_id for some_id in ids if some_id is not None]


def tell(request: Request, done: str, names: Sequence[str], noun: str) -> None:
    """A message on the next page saying what an action did, worded for how many it did it to
    ("Deactivated user alice@example.com." or "Deactivated 3 users.")."""
    what = f"{noun} {names[0]}" if len(names) == 1 else f"{len(names)} {noun}s"
    Flash.success(request, f"{done} {what}.")


class Confirmation(str):
    """An action's question worded for one object and for `{n}` of them: an object's page asks
    the first, a list the second with the number of rows ticked (static/js/back-office.js).
    As a string it is the second, with "the selected" for the number."""

    one: str
    many: str

    def __new__(cls, one: str, many: str) -> Confirmation:
        made = super().__new__(cls, many.replace("{n}", "the selected"))
        made.one, made.many = one, many
        return made


def history_link(request: Request, object_id: object) -> Markup:
    """A link to the audit log's entries about an object (a user's include their tasks')."""
    url = request.url_for("admin:list", identity="audit-log").include_query_params(
        search=str(object_id)
    )
    return Markup('<a href="{}">(history)</a>').format(url)


@asynccontextmanager
async def refusals() -> AsyncIterator[None]:
    # SQLAdmin shows (and logs) str(exception) on the form when a save fails; a database
    # error's text would carry SQL, so it is replaced by a plain sentence here.
    try:
        yield
    except IntegrityError:
        raise ChangeRefused(
            "Not saved: it conflicts with existing data (for example, an email already in use)."
        ) from None
    except DBAPIError:
        raise ChangeRefused(
            "Not saved: the database refused the change. Nothing was changed."
        ) from None


class _no_such_key:
    """Swallows what a malformed key raises: SQLAdmin's coercion (ValueError) or the
    database's refusal of an out-of-range value (DataError), so the caller falls through."""

    async def __aenter__(self) -> None:
        return None

    async def __aexit__(self, kind: type[BaseException] | None, *_: object) -> bool:
        return kind is not None and issubclass(kind, ValueError | DataError)


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def when(value: datetime) -> Markup:
    """A time as staff read it, to the minute in UTC; the exact value on hover."""
    utc = value.astimezone(UTC) if value.tzinfo is not None else value
    return Markup('<time datetime="{}" title="{}">{} UTC</time>').format(
        utc.isoformat(), utc.isoformat(), utc.strftime("%Y-%m-%d %H:%M")
    )


def short_id(value: object) -> Markup:
    """An id in a list: its first 8 characters, the whole on hover and a button that copies it
    (lists fit 1280 px)."""
    full = str(value)
    return Markup(
        '<span title="{}">{}…</span><button type="button" class="btn btn-ghost-secondary btn-sm'
        ' px-1 py-0 ms-1" data-copy="{}" title="Copy the whole id" aria-label="Copy the whole'
        ' id"><i class="fa-regular fa-copy"></i></button>'
    ).format(full, full[:8], full)


# Times to the minute on every list and page (`2026-12-05 02:46 UTC`), not Python's repr.
TIME_FORMATTERS = {**BASE_FORMATTERS, datetime: when}
# In lists, ids shortened too; a page shows them whole.
LIST_FORMATTERS = {**TIME_FORMATTERS, uuid.UUID: short_id}


class BackOfficeView(ModelView):
    """What every back-office list shares: a bounded count, capped CSV-only export whose cells
    a spreadsheet shows rather than runs."""

    page_size = 25
    page_size_options = [25, 50, 100]
    column_type_formatters = LIST_FORMATTERS
    column_type_formatters_detail = TIME_FORMATTERS
    export_types = ["csv"]
    export_max_rows = EXPORT_MAX_ROWS

    def delete_question(self) -> Confirmation:
        """What the delete dialog asks (templates/sqladmin/modals/delete.html)."""
        one, many = self.name.lower(), self.name_plural.lower()
        return Confirmation(
            f"Delete this {one}? This cannot be undone.",
            f"Delete {{n}} {many}? This cannot be undone.",
        )

    async def insert_model(self, request: Request, data: dict[str, Any]) -> Any:
        async with refusals():
            return await super().insert_model(request, data)

    async def update_model(self, request: Request, pk: str, data: dict[str, Any]) -> Any:
        async with refusals():
            return await super().update_model(request, pk, data)

    async def delete_model(self, request: Request, pk: Any) -> None:
        async with refusals():
            await super().delete_model(request, pk)

    def delete_refusal(self, request: Request, pk: str) -> str | None:
        """Why this object may not be deleted by this request, if it may not: asked of every
        object of a batch before any is deleted (BackOffice.delete)."""
        return None

    async def list(self, request: Request) -> Any:
        # PostgreSQL text cannot hold NUL: a search or filter with one is refused here rather
        # than sent to fail in the database.
        if any("\x00" in value for value in request.query_params.values()):
            raise HTTPException(
                status_code=400, detail="A search or filter cannot contain NUL characters."
            )
        return await super().list(request)

    # A key in a URL that is not a valid id for the table (not a UUID, an integer out of range)
    # names no object: 404, as for a valid id that does not exist.
    async def get_object_for_details(self, request: Request) -> Any:
        async with _no_such_key():
            return await super().get_object_for_details(request)
        return None

    async def get_object_for_edit(self, request: Request) -> Any:
        async with _no_such_key():
            return await super().get_object_for_edit(request)
        return None

    async def get_object_for_delete(self, value: Any) -> Any:
        async with _no_such_key():
            return await super().get_object_for_delete(value)
        return None

    async def export_data(
        self, data: Sequence[Any], export_type: str = "csv", request: Request | None = None
    ) -> StreamingResponse:
        """SQLAdmin's CSV export, with every cell made safe to open in a spreadsheet."""
        if export_type != "csv":
            raise HTTPException(status_code=404)
        names = self._export_prop_names

        async def rows(writer: Any) -> AsyncGenerator[str, None]:
            yield writer.writerow(names)
            for row in data:
                yield writer.writerow(
                    [_inert(str(await self.get_prop_value(row, name))) for name in names]
                )

        filename = secure_filename(self.get_export_name(export_type="csv"))
        return StreamingResponse(
            content=stream_to_csv(rows),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f"attachment;filename={filename}"},
        )

    async def count(self, request: Request, stmt: Select[Any] | None = None) -> int:
        if stmt is None:
            return await super().count(request)
        # SQLAdmin counts `SELECT count(*) FROM (<the listed query>)`; count a bounded prefix.
        counted = cast(Subquery, stmt.get_final_froms()[0])
        listed = cast(Select[Any], counted.element)
        bounded = listed.order_by(None).limit(COUNT_CAP).subquery()
        return await super().count(request, select(func.count()).select_from(bounded))


def _inert(cell: str) -> str:
    # The leading quote makes a spreadsheet show the text as it is, instead of running it.
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell
