"""What one app instance holds for its lifetime: settings, both pools, token verifier, cursors."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine

from backend.cursors import CursorCodec
from backend.db import StatementPool
from backend.security import TokenVerifier
from backend.settings import Settings


@dataclass(frozen=True)
class AppContext:
    settings: Settings
    engine: AsyncEngine
    db: StatementPool
    verifier: TokenVerifier
    cursor_codec: CursorCodec
