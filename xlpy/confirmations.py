"""One-time confirmation tokens: sending needs a second call carrying the token the first reply showed.

The token is bound to what was confirmed (user, workbook, the packs' checksum), used once,
and expires; a token for other packs, another user or after the packs changed is refused.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable, Hashable

LIFETIME_SECONDS = 600


class Confirmations:
    def __init__(self, lifetime: float = LIFETIME_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self._pending: dict[str, tuple[Hashable, float]] = {}
        self._lock = threading.Lock()
        self._lifetime = lifetime
        self._clock = clock

    def issue(self, subject: Hashable) -> str:
        token = secrets.token_urlsafe(18)
        with self._lock:
            now = self._clock()
            self._pending = {t: v for t, v in self._pending.items() if v[1] > now}
            self._pending[token] = (subject, now + self._lifetime)
        return token

    def redeem(self, token: str, subject: Hashable) -> bool:
        """True once for a live token issued for exactly this subject; the token is spent either way."""
        with self._lock:
            found = self._pending.pop(str(token), None)
        return found is not None and found[0] == subject and found[1] > self._clock()
