"""What one app instance holds for its lifetime (`app.state.context`): settings, both pools, the
token verifier, the list cursors' codec and the fair-use bounds. The app factory builds it;
the API's owner route and the readiness check read it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine

from backend.accounts.tokens import TokenVerifier
from backend.api.fair_use import InProgress, RateLimiter
from backend.core.settings import Settings
from backend.core.statement_pool import StatementPool
from backend.tasks.cursors import CursorCodec


@dataclass(frozen=True)
class AppContext:
    settings: Settings
    engine: AsyncEngine
    db: StatementPool
    verifier: TokenVerifier
    cursor_codec: CursorCodec
    # None when API_RATE_LIMIT is 0.
    rate_limiter: RateLimiter | None
    in_progress: InProgress
