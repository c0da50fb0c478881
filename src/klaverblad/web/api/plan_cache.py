"""A bounded in-memory cache of `POST /api/plan` answers, so that an identical request (a user
re-opening the same plan, the wizard recomputing an unchanged draft) is answered without
computing the plan again.

The key is the SHA-256 of the canonical request: the validated body as JSON with sorted keys
(the initiative exactly as sent, `start`, `months`, `reforms`, `set`, `lang`, `as_known_on`)
with the rules version of the system the plan is computed on (`klaverblad.rules.version`: the
package version and a digest of every parameter value in force, so reforms, `set` changes and
the rules as known on a date are in it too). Two bodies that differ in anything, even `1`
against `1.0`, get different keys: the worst a needless difference costs is a recomputation,
never another body's plan.

Only the bytes of a 200 answer are kept, least recently used first out, at most `max_entries`
answers and `max_bytes` bytes in all (an answer larger than a quarter of that is not kept).
Each uvicorn worker process has its own cache; the lock makes it safe for FastAPI's thread pool.
A plan depends on nothing but the request and the rules (no clock, no database), so an entry
never goes stale while the process runs with the same rules.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from typing import Any

DEFAULT_MAX_ENTRIES = 256
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
# Bumped when the answer's bytes change for the same request (a new document layout).
KEY_SCHEMA = "klaverblad.plan/1"


def request_key(request: dict[str, Any], rules_version: str) -> str | None:
    """The hex SHA-256 of the canonical request: sorted-keys JSON of the validated body and
    the rules version; None when the body has no canonical form (a value JSON cannot hold,
    which the API refuses before it gets here): such a request is simply not cached.

    >>> a = request_key({"initiative": {"id": "x", "n": 1}, "lang": "nl"}, "0.1.0+params.ab")
    >>> a == request_key({"lang": "nl", "initiative": {"n": 1, "id": "x"}}, "0.1.0+params.ab")
    True
    >>> a == request_key({"initiative": {"id": "x", "n": 1}, "lang": "nl"}, "0.1.0+params.cd")
    False
    >>> request_key({"initiative": {"fte": float("inf")}}, "0.1.0") is None
    True
    """
    try:
        canonical = json.dumps(
            {"schema": KEY_SCHEMA, "rules_version": rules_version, "request": request},
            sort_keys=True,
            ensure_ascii=False,
            allow_nan=False,
            separators=(",", ":"),
        ).encode("utf-8")
    except (ValueError, TypeError):  # NaN or infinity, a lone surrogate, a non-JSON value
        return None
    return hashlib.sha256(canonical).hexdigest()


class PlanCache:
    """A thread-safe LRU map from request key to the bytes of the answer.

    >>> cache = PlanCache(max_entries=2)
    >>> cache.put("a", b"1"); cache.put("b", b"2"); cache.get("a")
    b'1'
    >>> cache.put("c", b"3"); cache.get("b") is None  # "b" was the least recently used
    True
    """

    def __init__(
        self, max_entries: int = DEFAULT_MAX_ENTRIES, max_bytes: int = DEFAULT_MAX_BYTES
    ) -> None:
        if max_entries < 0 or max_bytes < 0:
            raise ValueError("the cache limits must not be negative")
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._entries: OrderedDict[str, bytes] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> bytes | None:
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return found

    def put(self, key: str, answer: bytes) -> None:
        if len(answer) > self.max_bytes // 4 or self.max_entries == 0:
            return
        with self._lock:
            previous = self._entries.pop(key, None)
            if previous is not None:
                self._bytes -= len(previous)
            self._entries[key] = answer
            self._bytes += len(answer)
            while len(self._entries) > self.max_entries or self._bytes > self.max_bytes:
                _, dropped = self._entries.popitem(last=False)
                self._bytes -= len(dropped)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0
            self.hits = self.misses = 0

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    @property
    def size_bytes(self) -> int:
        with self._lock:
            return self._bytes


# The cache of this process's /api/plan answers.
PLAN_ANSWERS = PlanCache()
