"""What one app instance holds for its lifetime: settings, engine, sessions, token verifier."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from backend.security import TokenVerifier
from backend.settings import Settings
from backend.tasks import CursorCodec


@dataclass(frozen=True)
class AppContext:
    settings: Settings
    engine: AsyncEngine
    session_factory: async_sessionmaker[AsyncSession]
    verifier: TokenVerifier
    cursor_codec: CursorCodec
