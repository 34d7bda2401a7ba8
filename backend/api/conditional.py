"""Conditional requests at the API's edge: `If-Match` as the versions it accepts, and
whether `If-None-Match` names the current ETag (RFC 9110)."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import Header

from backend.core.errors import BadRequest

# RFC 9110: "*" or a comma-separated list of entity tags, each `"opaque"` or `W/"opaque"`.
IF_MATCH_PATTERN = r'^\s*(\*|(W/)?"[^"]*"(\s*,\s*(W/)?"[^"]*")*)\s*$'
_IF_MATCH = re.compile(IF_MATCH_PATTERN)
IfMatchHeader = Annotated[
    str | None,
    Header(
        description='Only act if the task still has one of these ETags (or "*"); else 412.',
        # Documented only: a malformed value is answered 400 by the service, not 422.
        json_schema_extra={"pattern": IF_MATCH_PATTERN},
    ),
]
_ENTITY_TAG = re.compile(r'(W/)?"([^"]*)"')
_VERSION_TAG = re.compile(r"[0-9]{1,19}")
MAX_VERSION = 2**63 - 1  # the version column is a BIGINT


def versions_matching(if_match: str | None) -> list[int] | None:
    """The versions an `If-Match` header accepts; None when any version will do."""
    if if_match is None or if_match.strip() == "*":
        return None
    if not _IF_MATCH.fullmatch(if_match):
        raise BadRequest('If-Match must be "*" or a list of quoted ETags.')
    # If-Match compares strongly: a weak tag never matches, nor one that is not a version we
    # could have issued (other digits than ASCII ones, or past the column's range).
    return [
        int(opaque)
        for weak, opaque in _ENTITY_TAG.findall(if_match)
        if not weak and _VERSION_TAG.fullmatch(opaque) and int(opaque) <= MAX_VERSION
    ]


def none_match(if_none_match: str | None, etag: str) -> bool:
    """True when `If-None-Match` names the current ETag (weak comparison)."""
    if if_none_match is None:
        return False
    if if_none_match.strip() == "*":
        return True
    return any(tag.strip().removeprefix("W/") == etag for tag in if_none_match.split(","))
