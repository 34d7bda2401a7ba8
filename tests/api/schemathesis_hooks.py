"""Schemathesis hooks for tests/api/test_schemathesis.py (loaded by `st` through
SCHEMATHESIS_HOOKS): the formats our OpenAPI document names that Schemathesis does not know."""

from __future__ import annotations

import schemathesis
from hypothesis import strategies as st

from backend.core.schedule import time_zones

# A time zone is a name from the IANA database: drawn from it, as a client would send one.
schemathesis.openapi.format("iana-time-zone", st.sampled_from(sorted(time_zones())))
