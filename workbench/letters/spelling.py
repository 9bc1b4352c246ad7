"""The letter's spelling against its written standard (issue 12): bokmål forms in a nynorsk letter, and the
reverse, before the letter is sent.

The dictionaries are Debian's ``hunspell-no`` (``/usr/share/hunspell/nb_NO`` and ``nn_NO``, installed by
scripts/bootstrap.sh), read by ``spylls`` (hunspell in pure Python). They are loaded once per process, on
first use (:func:`load` loads both up front); a missing package raises :class:`DictionariesMissing`.

``check(text, lang)`` returns one :class:`Flag` per distinct word (first occurrence, in text order):

- ``other_standard``: the chosen standard does not know the word, the other one does («ikke» in a nynorsk
  letter, «ikkje» in a bokmål one);
- ``unknown``: neither knows it (a typo, a name the caller did not pass, a word the dictionaries lack).

What is checked, and how:

- words are runs of letters (any script's letters: æøå, é, ü …) joined by inner hyphens or dots. A word
  touching a digit («35a», «2a») is not checked; in «25-årsdagen» «årsdagen» is. Numbers, amounts, dates,
  § references, e-mail addresses, URLs and domains, single letters and the engine's status markers
  («[INF]», «[ASSUMPTION]») are not words;
- hunspell's own lookup comes first (it checks a hyphenated word part by part). A capitalised or
  upper-case word is checked lowercased first — at the start of a sentence, in a heading — and as written
  only if the lowercased word is unknown (a name the dictionary lists: «Bergen»). A hyphenated word that
  fails as a whole is checked part by part, a first part with its linking «s»/«e» («arbeids-»);
- ``hunspell-no`` compounds only a few words and Norwegian compounds freely, so a *compound* of the chosen
  standard's words is accepted too («kvalifisering»+s+«stønaden», «lærling»+«løn», «stats»+«forvaltaren»):
  at least seven letters, parts of three letters or more, the last not a bare ending («leg», «ande», «aren»
  are words in one dictionary or the other) and of four letters or more unless a common head («sak», «lov»,
  «dag» …). Where the other dictionary lists the whole word, the compound must be made of words of both
  standards («års»+«beløpet» passes a nynorsk letter although only nb_NO.dic lists «årsbeløpet»);
- ``other_standard`` is a word the other standard knows, or a compound of words of either standard that the
  chosen one cannot make; ``unknown`` is the rest. Known limits: a word listed by both dictionaries passes
  both («endelig» is in nn_NO.dic, «frå» in nb_NO.dic), and so does a bokmål word made of two words of both
  standards («innhold» = «inn»+«hold»). Words of a standard that hunspell-no lacks («noe» in bokmål!) are
  in :data:`DICTIONARY_GAPS`;
- a word followed by a dot is looked up without it, then with it («nr.», «e.f.»); abbreviations the
  dictionaries lack («sotjl.», «fvl.») are in the allow-list. An upper-case word of at most five letters
  that neither standard knows is taken for an acronym and not flagged;
- a word cut by a line break where the PDF set a hyphen («Stønads‐ dagar», U+2010 or a soft hyphen) is
  joined again; a word ending in a hyphen before a space («arbeids- og …», or «Nav- kontoret» broken at its
  hyphen) is checked as the joined word, or as a compound's first part;
- not checked: text inside «…» (nested «» included: what the claimant or Nav wrote, quoted law), the
  strings passed as ``quoted`` (matched with any whitespace between their words; a quoted string the
  text does not hold whole — a page break inside it — is excused word by word), and the words of
  ``allow`` (names of people, offices, places; case-insensitively, a genitive «-s» included).

The allow-list file (``spelling_allow.txt``) holds only legal abbreviations and fixed terms the
dictionaries lack; ``tests/letters/test_spelling.py`` checks that the dictionaries really lack each.

Timings (this machine: 2 vCPUs, shared with other work; Python 3.11, spylls 0.1.7, hunspell-no 1:7.5.0-1):
loading both dictionaries takes ≈ 9 s (nb ≈ 4.3 s, nn ≈ 4.6 s; up to 14 s on a busy machine) once per
process — :func:`load` at start-up keeps it out of the first finalize; checking a whole letter of 2 000
words (two test letters' PDF text) takes ≈ 0.1 s with nothing cached and 10–35 ms once its words are cached
(every word's result is cached per process, and a dictionary lookup per form).
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

LANGS = ("nb", "nn")
OTHER = {"nb": "nn", "nn": "nb"}
STANDARD = {"nb": "bokmål", "nn": "nynorsk"}
DICT_DIR = Path("/usr/share/hunspell")
DICT_NAMES = {"nb": "nb_NO", "nn": "nn_NO"}
ALLOW_FILE = Path(__file__).with_name("spelling_allow.txt")
#: the most words the finalize gate lists one by one
MAX_LISTED = 30
#: a compound (a word not in the dictionary as it is) has at least this many letters
MIN_COMPOUND = 7


class DictionariesMissing(RuntimeError):
    """The hunspell dictionaries are not installed: the Debian package ``hunspell-no``."""


@dataclass(frozen=True)
class Flag:
    """A word of the letter that is not of its standard: the word as first written, why, and the reason."""

    word: str
    kind: str  # "other_standard" | "unknown"
    reason: str  # bokmål, for the jurist


# ---- the dictionaries ---------------------------------------------------------------------------------

_loaded: dict[str, Any] = {}
_lock = threading.Lock()


def dictionary_paths(lang: str) -> tuple[Path, Path]:
    """The .dic and .aff files of ``lang``."""
    base = DICT_DIR / DICT_NAMES[lang]
    return base.with_suffix(".dic"), base.with_suffix(".aff")


def installed() -> bool:
    """Whether ``hunspell-no``'s nb and nn dictionaries are there."""
    return all(p.is_file() for lang in LANGS for p in dictionary_paths(lang))


def _dictionary(lang: str) -> Any:
    d = _loaded.get(lang)
    if d is not None:
        return d
    with _lock:
        if lang not in _loaded:
            missing = [str(p) for p in dictionary_paths(lang) if not p.is_file()]
            if missing:
                raise DictionariesMissing(
                    f"the Debian package hunspell-no is not installed ({', '.join(missing)} missing): "
                    "run scripts/bootstrap.sh or `apt-get install hunspell-no`")
            from spylls.hunspell import Dictionary

            _loaded[lang] = Dictionary.from_files(str(DICT_DIR / DICT_NAMES[lang]))
        return _loaded[lang]


def load() -> None:
    """Load both dictionaries now (≈ 9 s) rather than on the first check (a web worker at start-up)."""
    for lang in LANGS:
        _dictionary(lang)


#: Words of each standard that hunspell-no 1:7.5.0-1 lacks (the hunspell binary lacks them too, so this is the
#: dictionary, not spylls), met in the letters: counted as known to that standard. Only plain, certain forms
#: belong here — never a name or an abbreviation (those go to the allow-list or ``allow``);
#: tests/letters/test_spelling.py checks that the dictionary still lacks each one.
DICTIONARY_GAPS: dict[str, frozenset[str]] = {
    "nb": frozenset({
        "noe", "noen",  # the pronouns: not in nb_NO.dic at all
        "datoen",  # «dato/Lz» gets no definite forms
        "skjønnsmessig", "skjønnsmessige",  # in nn_NO.dic only
        "samboer", "samboeren", "samboere", "samboerne",  # not in nb_NO.dic at all (nn_NO.dic has «sambuar»)
    }),
    "nn": frozenset({
        "datoen",  # «dato/DFz» gets no definite forms
        "forholdsmessig",  # in nb_NO.dic only; nynorsk too (sosialtenestelova § 37: «reduserast forholdsmessig»)
        "mellombelse",  # the plural of «mellombels», which nn_NO.dic has with no inflection
        "avrunding",  # in nb_NO.dic only; nynorsk too («avrunding av tal»)
    }),
}


@lru_cache(maxsize=200_000)
def _known(lang: str, word: str) -> bool:
    if word.lower() in DICTIONARY_GAPS[lang]:
        return True
    try:
        return bool(_dictionary(lang).lookup(word))
    except DictionariesMissing:
        raise
    except Exception:  # noqa: BLE001 — spylls on a form it cannot analyse: not a word it knows
        return False


#: endings that are words too in one dictionary or the other («leg», «lege», «ande», «aren» …): never a
#: compound's last part, or «naturleg», «tvingande» would pass in a bokmål letter as «natur»+«leg», «tving»+«ande»
_SUFFIX_TAILS = frozenset({
    "leg", "lege", "legt", "lig", "lige", "ligt", "leik", "leiken", "ande", "ende", "ast", "est", "heit", "heita",
    "het", "else", "ing", "inga", "ingar", "ingen", "inger", "aren", "arar", "arane", "eren", "erne", "ane", "ene",
})
#: the only three-letter words a compound may end in (the dictionaries hold many short oddities: «ren», «ets»)
_SHORT_TAILS = frozenset({"sak", "lov", "tid", "dag", "løn", "del", "sum", "mål", "fag", "hus", "liv", "ord", "art"})


def _compound(word: str, ok: Callable[[str], bool], depth: int = 2) -> bool:
    """``word`` (lowercase, at least :data:`MIN_COMPOUND` letters) is a first part + an optional linking «s»
    or «e» + a known word or, ``depth`` allowing, a compound again; every part ``ok``, the first at least
    three letters, the last at least four (or one of :data:`_SHORT_TAILS`) and not a mere ending
    («lærling»+«løn», «dag»+«satsen», «kvalifisering»+s+«stønaden»; not «kal»+«gen», not «ende»+«leg»)."""
    if len(word) < MIN_COMPOUND:
        return False
    for i in range(3, len(word) - 2):
        head, tail = word[:i], word[i:]
        if tail in _SUFFIX_TAILS or (len(tail) == 3 and tail not in _SHORT_TAILS):
            continue
        if not (ok(tail) or (depth > 1 and _compound(tail, ok, depth - 1))):
            continue
        if ok(head) or (head[-1] in "se" and len(head) > 3 and ok(head[:-1])):
            return True
    return False


@lru_cache(maxsize=200_000)
def _status(lang: str, word: str) -> str:
    """"ok", "other_standard" or "unknown" for one word (no hyphens handled here beyond hunspell's own).

    nb_NO.dic holds far more compounds than nn_NO.dic, so a compound the other dictionary lists whole still
    passes when every part is a word of both standards («års»+«beløpet», «dag»+«satsen» are nynorsk too); a
    compound with a part only the chosen standard has passes where the other dictionary does not know it.
    The price: a bokmål word made of two words of both («innhold» = «inn»+«hold») passes a nynorsk letter."""
    other = OTHER[lang]
    low = word.lower()
    if _known(lang, word) or (low != word and _known(lang, low)):
        return "ok"
    other_has_it = _known(other, word) or (low != word and _known(other, low))
    if low.isalpha():
        if other_has_it:
            if _compound(low, lambda w: _known(lang, w) and _known(other, w)):
                return "ok"
        elif _compound(low, lambda w: _known(lang, w)):
            return "ok"
    if other_has_it:
        return "other_standard"
    if low.isalpha() and _compound(low, lambda w: _known(lang, w) or _known(other, w)):
        return "other_standard"
    return "unknown"


def _word_status(lang: str, word: str) -> str:
    """A word as written; a hyphenated one as a whole first, then part by part (the worst part wins)."""
    whole = _status(lang, word)
    if whole == "ok" or "-" not in word:
        return whole
    parts = [p for p in word.split("-") if p]
    statuses = [_part_status(lang, p, last=(i == len(parts) - 1)) for i, p in enumerate(parts)]
    if all(s == "ok" for s in statuses):
        return "ok"
    return "unknown" if "unknown" in statuses else "other_standard"


def _cased_status(lang: str, word: str) -> str:
    """A capitalised or upper-case word is checked lowercased first — at the start of a sentence, in a
    heading — so «Ikke» is the bokmål «ikke» even where a dictionary lists «Ikke» as a name; only when the
    lowercased word is unknown is it checked as written (a name the dictionary knows: «Bergen»)."""
    low = word.lower()
    if low != word and word[:1].isupper():
        s = _word_status(lang, low)
        if s != "unknown":
            return s
    return _word_status(lang, word)


def _part_status(lang: str, part: str, *, last: bool) -> str:
    if len(part) < 2:
        return "ok"
    s = _status(lang, part)
    if s != "ok" and not last and part[-1:].lower() in ("s", "e") and len(part) > 3:
        s2 = _status(lang, part[:-1])  # a first part with its linking «s»/«e»: «arbeids-»
        if s2 == "ok" or s == "unknown":
            return s2
    return s


# ---- the allow-list -------------------------------------------------------------------------------------

@cache
def allow_list(lang: str) -> frozenset[str]:
    """The allow-list file's entries for ``lang`` (its ``[both]`` and ``[lang]`` sections), casefolded."""
    entries: set[str] = set()
    section = "both"
    for raw in ALLOW_FILE.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            continue
        if section in ("both", lang):
            entries.add(line.casefold())
    return frozenset(entries)


def allow_entries() -> list[tuple[str, str]]:
    """Every (section, entry) of the allow-list file, as written."""
    out: list[tuple[str, str]] = []
    section = "both"
    for raw in ALLOW_FILE.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
        elif line:
            out.append((section, line))
    return out


# ---- the text -------------------------------------------------------------------------------------------

_L = r"[^\W\d_]"
_WORD = re.compile(rf"{_L}+(?:[-.]{_L}+)*")
_LINE_BREAK_HYPHEN = re.compile(rf"(?<={_L})[\u2010\u00ad]\s+(?={_L})")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_DOMAIN = re.compile(r"\b[\w-]+(?:\.[\w-]+)*\.(?:no|com|org|net|eu|se|dk|gov|int|io)\b(?:/\S*)?", re.IGNORECASE)
_MARKER = re.compile(r"\[[A-Z][A-Z_]*\]")


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    return _LINE_BREAK_HYPHEN.sub("", text)


def _without_guillemets(text: str) -> str:
    """The text with every «…» (nested ones too) blanked; an unclosed « runs to the end of its line."""
    out: list[str] = []
    depth = 0
    for ch in text:
        if ch == "«":
            depth += 1
            out.append(" ")
        elif ch == "»" and depth:
            depth -= 1
            out.append(" ")
        elif depth:
            if ch == "\n":
                depth = 0
                out.append(ch)
            else:
                out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def _without_quoted(text: str, quoted: Iterable[str]) -> tuple[str, set[str]]:
    """The text with each quoted string blanked (any whitespace between its words), and the words of the
    quoted strings it does not hold whole (excused word by word)."""
    excused: set[str] = set()
    for q in quoted:
        words = _normalise(q or "").split()
        if not words:
            continue
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)")
        text, n = pattern.subn(" ", text)
        if not n:
            excused |= {m.group(0).casefold() for m in _WORD.finditer(" ".join(words))}
    return text, excused


def _names(allow: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for name in allow:
        for m in _WORD.finditer(_normalise(name or "")):
            w = m.group(0).casefold()
            out.add(w)
            out.update(p for p in w.split("-") if p)
    return out


@dataclass(frozen=True)
class _Token:
    word: str
    dot: bool  # a dot follows
    hyphen_then: str | None  # a hyphen and a space follow; the next word


def _tokens(text: str) -> Iterator[_Token]:
    matches = list(_WORD.finditer(text))
    for i, m in enumerate(matches):
        start, end = m.span()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if before.isdigit() or after.isdigit():
            continue
        nxt: str | None = None
        if after == "-" and end + 1 < len(text) and text[end + 1].isspace() and i + 1 < len(matches):
            nxt = matches[i + 1].group(0)
        yield _Token(m.group(0), after == ".", nxt)


def _reason(kind: str, word: str, lang: str) -> str:
    if kind == "other_standard":
        if lang == "nn":
            return f"bokmålsform i et nynorskbrev: «{word}»"
        return f"nynorskform i et bokmålsbrev: «{word}»"
    return f"ukjent ord: «{word}»"


def _token_kind(tok: _Token, lang: str, allowed: frozenset[str], names: set[str]) -> str:
    w = tok.word
    key = w.casefold()
    if key in names or (key.endswith("s") and key[:-1] in names):
        return "ok"
    if key in allowed or (tok.dot and key + "." in allowed):
        return "ok"
    if "." in w and not tok.dot and _status(lang, w + ".") == "ok":
        return "ok"  # «e.f» at a line's end
    if tok.hyphen_then is not None:  # «arbeids- og …», «Nav- kontoret»
        if _word_status(lang, f"{w}-{tok.hyphen_then}") == "ok" or _status(lang, w + tok.hyphen_then.lower()) == "ok":
            return "ok"
        return _part_status(lang, w, last=False)
    if "." in w:
        s = _status(lang, w + ".") if tok.dot else "unknown"
        if s == "ok":
            return s
        parts = [_word_status(lang, p) for p in w.split(".")]
        if all(p == "ok" for p in parts):
            return "ok"
        if s == "other_standard" or ("unknown" not in parts):
            return "other_standard"
        return "unknown"
    s = _cased_status(lang, w)
    if s != "ok" and tok.dot:
        s_dot = _status(lang, w + ".")
        if s_dot == "ok" or (s == "unknown" and s_dot == "other_standard"):
            s = s_dot
    if s == "unknown" and w.isupper() and len(w) <= 5:
        return "ok"  # an acronym
    return s


def check(text: str, lang: str, *, allow: Iterable[str] = (), quoted: Iterable[str] = ()) -> list[Flag]:
    """One :class:`Flag` per distinct word (casefolded; the first spelling seen) that is not of ``lang``'s
    standard ("nb" | "nn"), in text order. ``allow``: names of people, offices and places (each split into
    words); ``quoted``: text quoted from the claimant or Nav, not checked."""
    if lang not in LANGS:
        raise ValueError(f"language must be nb or nn, not {lang!r}")
    text = _normalise(text or "")
    text, excused = _without_quoted(text, quoted)
    text = _without_guillemets(text)
    for pattern in (_EMAIL, _URL, _DOMAIN, _MARKER):
        text = pattern.sub(" ", text)
    names = _names(allow) | excused
    allowed = allow_list(lang)
    flags: list[Flag] = []
    seen: set[str] = set()
    for tok in _tokens(text):
        shown = tok.word + "." if "." in tok.word and tok.dot else tok.word
        key = shown.casefold()
        if key in seen or len(tok.word) < 2:
            continue
        seen.add(key)
        kind = _token_kind(tok, lang, allowed, names)
        if kind != "ok":
            flags.append(Flag(shown, kind, _reason(kind, shown, lang)))
    return flags


def letter_words_problems(letter_text: str, lang: str, names: Iterable[str], *,
                          quoted: Iterable[str] = ()) -> list[tuple[str, str]]:
    """The finalize gate's ("spelling", reason) pairs: one per flagged word, at most :data:`MAX_LISTED`
    listed and then how many more. ``names``: every name the letter holds (claimant, representative,
    signers, Nav office, addresses, our office); ``quoted``: the claimant's and Nav's texts it quotes."""
    flags = check(letter_text, lang, allow=names, quoted=quoted)
    out = [("spelling", f.reason) for f in flags[:MAX_LISTED]]
    if len(flags) > MAX_LISTED:
        rest = len(flags) - MAX_LISTED
        out.append(("spelling", f"og {rest} ord til som stavekontrollen ({STANDARD[lang]}) flagger"))
    return out
