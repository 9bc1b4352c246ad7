"""Password hashing with argon2id.

Production uses argon2-cffi's defaults (RFC 9106 low-memory profile: t=3, m=64 MiB, p=4). The test
mode switches to a cheap argon2id profile (``configure("test")``) so the suite stays fast; the
parameters are stored in each hash, so verification works across profiles and a login re-hashes
a cheap hash with the production profile.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

PROFILES = {
    "default": {},
    "test": {"time_cost": 1, "memory_cost": 1024, "parallelism": 1},
}
_hasher = PasswordHasher()


def configure(profile: str) -> None:
    global _hasher
    _hasher = PasswordHasher(**PROFILES[profile])


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)
