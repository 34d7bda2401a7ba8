"""A staff member's second factor: TOTP (RFC 6238, pyotp) and one-time recovery codes.

A code is accepted for the current 30-second step or one either side (clocks drift), and never
twice: the step of the last code accepted is kept, and only a later one is taken (the caller
records it atomically: `accepted_step`). Recovery codes are random, shown once, stored as
SHA-256 hashes (with 50 random bits each, a slow hash adds nothing) and each removed when used.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

import pyotp

ISSUER = "Task platform back office"
# Steps either side of now that are still accepted.
WINDOW = 1
RECOVERY_CODES = 10


def new_secret() -> str:
    return pyotp.random_base32()


def enrolment_qr(secret: str, email: str) -> str:
    """The authenticator app's QR code for `secret`, as an SVG data URI (the page's policy
    allows data: images; nothing is fetched)."""
    # Imported here: only this page needs it, not every process that serves the API.
    import segno

    uri = pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=ISSUER)
    return str(segno.make(uri, error="m").svg_data_uri(scale=4, border=2))


def matching_step(secret: str, code: str, now: float | None = None) -> int | None:
    """The time step whose code `code` is, within the window, or None."""
    code = code.strip().replace(" ", "")
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret)
    current = totp.timecode(time.time() if now is None else now)
    for step in range(current - WINDOW, current + WINDOW + 1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def new_recovery_codes() -> list[str]:
    return [f"{secrets.token_hex(3)}-{secrets.token_hex(3)}" for _ in range(RECOVERY_CODES)]


def recovery_hash(code: str) -> str:
    return hashlib.sha256(code.strip().lower().encode()).hexdigest()
