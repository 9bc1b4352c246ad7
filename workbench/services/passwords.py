"""Password hashing with argon2id, and the password policy.

Production uses argon2id with m = 19 MiB, t = 2, p = 1: the configuration the OWASP Password Storage Cheat
Sheet recommends (one of its equivalent settings; ASVS 2.4 points there). argon2-cffi's own default (RFC 9106's
low-memory profile, m = 64 MiB, t = 3, p = 4) cost ≈ 210 ms of CPU a login against ≈ 31 ms here, and on a
two-core server twenty jurists logging in at nine o'clock held every page up for seconds (benchmarks/load.py:
log-in p95 5.8 s, the pages' p95 over the goal). A hash of the older profile is re-made at the next login
(``needs_rehash``). The test mode switches to a cheap argon2id profile (``configure("test")``) so the suite stays fast; the
parameters are stored in each hash, so verification works across profiles and a login re-hashes
a cheap hash with the production profile.

The policy (``check_policy``) follows ASVS 2.1: at least 10 and at most 128 characters, any
characters, no composition rules, and refused when zxcvbn estimates it easy to guess (score below
3, about 10⁸ guesses) — common passwords, words with digits appended, keyboard patterns, the
username, and the words everyone here would try first (Klagebenk, Statsforvalteren, passord, …).
"""

from __future__ import annotations

from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

PROFILES: dict[str, dict[str, Any]] = {
    "default": {"time_cost": 2, "memory_cost": 19 * 1024, "parallelism": 1},  # OWASP, see above
    "test": {"time_cost": 1, "memory_cost": 1024, "parallelism": 1},
}
_hasher = PasswordHasher(**PROFILES["default"])
_dummy_hash: str | None = None

MIN_LENGTH = 10
MAX_LENGTH = 128  # ASVS 2.1.2: allow at least 64; a bound keeps hashing and zxcvbn cheap
MIN_SCORE = 3  # zxcvbn 0–4; 3 ≈ "safely unguessable" (10⁸ guesses), the usual bar for online attacks
ZXCVBN_MAX = 72  # zxcvbn refuses longer input; a longer password is judged by its first 72 characters
#: words an attacker against this office tries first; zxcvbn treats them as dictionary words
LOCAL_WORDS = ("klagebenk", "statsforvalteren", "statsforvaltaren", "statsforvalter", "fylkesmannen",
               "passord", "passordet", "hemmelig", "sommer", "vinter", "høst", "haust", "våren",
               "norge", "noreg", "bergen", "oslo", "vestland", "nav", "kvalifiseringsstønad",
               "kvalifisering", "saksbehandler", "leder", "arkivar", "admin", "velkommen")

_WARNINGS_NB = {
    "This is a top-10 common password.": "det er et av de ti vanligste passordene",
    "This is a top-100 common password.": "det er et av de hundre vanligste passordene",
    "This is a very common password.": "det er et av de vanligste passordene",
    "This is similar to a commonly used password.": "det ligner et mye brukt passord",
    "A word by itself is easy to guess.": "et ord alene er lett å gjette",
    "Names and surnames by themselves are easy to guess.": "navn alene er lette å gjette",
    "Common names and surnames are easy to guess.": "vanlige navn er lette å gjette",
    'Repeats like "aaa" are easy to guess.': "gjentakelser som «aaa» er lette å gjette",
    'Repeats like "abcabcabc" are only slightly harder to guess than "abc".':
        "gjentakelser som «abcabcabc» er nesten like lette å gjette som «abc»",
    'Sequences like "abc" or "6543" are easy to guess.': "rekker som «abc» eller «6543» er lette å gjette",
    "Recent years are easy to guess.": "årstall er lette å gjette",
    "Dates are often easy to guess.": "datoer er lette å gjette",
    "Straight rows of keys are easy to guess.": "rader på tastaturet er lette å gjette",
    "Short keyboard patterns are easy to guess.": "korte mønstre på tastaturet er lette å gjette",
}
ADVICE = "Bruk gjerne tre–fire ord som ikke hører sammen, med bindestrek eller mellomrom."


def configure(profile: str) -> None:
    global _hasher, _dummy_hash
    _hasher = PasswordHasher(**PROFILES[profile])
    # Made now, not at the first unknown username: that login would otherwise hash and verify,
    # every other login only verify, and the difference would tell which usernames exist.
    _dummy_hash = _hasher.hash("not-a-real-password-only-for-equal-work")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def verify_against_nothing(password: str) -> None:
    """Spend one verification, as a real one would, for a login that can never succeed."""
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = _hasher.hash("not-a-real-password-only-for-equal-work")
    verify_password(_dummy_hash, password)


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


def _letter_runs(text: str) -> list[str]:
    """The runs of letters in ``text``, case-folded: «Kari.Nordmann-1» → ["kari", "nordmann"]."""
    runs, current = [], []
    for char in text.casefold():
        if char.isalpha():
            current.append(char)
        elif current:
            runs.append("".join(current))
            current = []
    if current:
        runs.append("".join(current))
    return runs


def policy_problem(password: str, *, user_inputs: tuple[str, ...] | list[str] = ()) -> str | None:
    """Why ``password`` is refused (Norwegian, one sentence naming «Passord»), or None if it is good.

    ``user_inputs``: the username, the name — a password built on them is refused."""
    if len(password) < MIN_LENGTH:
        return f"Passord: passordet må ha minst {MIN_LENGTH} tegn."
    if len(password) > MAX_LENGTH:
        return f"Passord: passordet kan ha høyst {MAX_LENGTH} tegn."
    if not password.strip():
        return "Passord: passordet kan ikke bare være mellomrom."
    personal = sorted({word for value in user_inputs if value for word in _letter_runs(str(value))
                       if len(word) >= 3}, key=len, reverse=True)
    rest = "".join(char for char in password.casefold() if char.isalnum())
    for word in personal:
        rest = rest.replace(word, "")
    if personal and len(rest) < 6:  # take the name away and a year or a digit is all that is left
        return "Passord: passordet er for likt brukernavnet eller navnet ditt. " + ADVICE
    from zxcvbn import zxcvbn

    result = zxcvbn(password[:ZXCVBN_MAX], user_inputs=[*personal, *LOCAL_WORDS])
    if result["score"] >= MIN_SCORE:
        return None
    why = _WARNINGS_NB.get(result["feedback"].get("warning") or "", "det er for lett å gjette")
    return f"Passord: passordet er for svakt – {why}. {ADVICE}"
