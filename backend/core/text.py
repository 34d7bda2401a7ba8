"""What text the platform stores and searches: the limits, the validators that keep out what
PostgreSQL cannot hold, and the literal search pattern. The API's schemas and the back
office's forms both use them."""

from __future__ import annotations

from typing import Annotated

import pydantic
from pydantic import AfterValidator, StringConstraints

TITLE_MAX = 255
DESCRIPTION_MAX = 1000


def literal_substring(term: str) -> str:
    """A LIKE/ILIKE pattern (with ESCAPE '\\') that finds `term` literally: `%`, `_` and `\\`
    match themselves. The API's `q` and the back office's searches both use it."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def storable_text(value: str) -> str:
    # PostgreSQL text cannot hold NUL, and a lone surrogate cannot be encoded as UTF-8: refuse
    # both as validation errors instead of letting the database fail with a 500.
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("must be valid Unicode text") from None
    return value


# Documents the NUL rule in the OpenAPI schema; storable_text is what enforces it.
_NO_NUL = pydantic.Field(json_schema_extra={"pattern": "^[^\\u0000]*$"})
Title = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=TITLE_MAX),
    AfterValidator(storable_text),
    # Not blank once trimmed, and no NUL.
    pydantic.Field(json_schema_extra={"pattern": "^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$"}),
]
Description = Annotated[
    str, StringConstraints(max_length=DESCRIPTION_MAX), AfterValidator(storable_text), _NO_NUL
]
# No pattern in its schema: a search box's text is any text a title may hold, which the
# query parameter's description says; a regex there was noise to every reader of the docs.
SearchText = Annotated[str, StringConstraints(max_length=TITLE_MAX), AfterValidator(storable_text)]
