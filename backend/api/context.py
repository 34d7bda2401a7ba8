"""What one app instance holds for its lifetime (`app.state.context`): settings, both pools, the
token verifier and the list cursors' codec. The app factory builds it; the API's owner route
and the readiness check read it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine

from backend.accounts.tokens import TokenVerifier
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
