"""Provision string → Lovdata address.

The case page and the letter show every hjemmel with a link the jurist can open. Addresses follow
Lovdata's short form [V: lovdata.no resolves these forms]:

* acts:        ``https://lovdata.no/lov/<yyyy-mm-dd-nr>/§<n>``       e.g. sotjl § 37
* forskrifter: ``https://lovdata.no/forskrift/<yyyy-mm-dd-nr>/§<n>``

Known instruments (domain ``rules.md`` §7, ``law.md`` §5):

===============================  ======================  ==================================
name as written                  id                      status
===============================  ======================  ==================================
sosialtjenesteloven / sotjl      LOV-2009-12-18-131      [V] sources/sosialtjenesteloven-kap4.md
forskrift (om KVP og KVS)        FOR-2011-12-21-1471     [V] sources/forskrift-kvp.md
forvaltningsloven / fvl (1967)   LOV-1967-02-10          [V] law.md §5 (in force)
forvaltningsloven 2025           LOV-2025-06-20-81       [V] adopted, not in force (R27)
AAP-forskriften                  FOR-2017-12-13-2100     [V] rules.md source key aap-8
domstolloven                     LOV-1915-08-13-5        [INF] the act's Lovdata id; §§ 148–149 text [NV]
arkivloven                       LOV-1992-12-04-126      [INF] id only (Kabal v3 taxonomy names it)
språklova                        LOV-2021-05-21-42       [INF] id only
===============================  ======================  ==================================

``lovdata_url`` returns ``None`` for a string it does not recognise: no invented addresses.
A bare instrument name without a section links to the instrument itself.
"""

from __future__ import annotations

import re
from functools import lru_cache

LOV = "lov"
FORSKRIFT = "forskrift"

#: (patterns matched against the lower-cased string, kind, Lovdata id). Order matters: the more
#: specific name first («forskrift om arbeidsavklaringspenger» before the bare «forskrift»).
_INSTRUMENTS: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("forvaltningsloven 2025", "forvaltningsloven (2025)", "lov-2025-06-20-81", "ny forvaltningslov",
      "fvl. 2025", "fvl 2025"), LOV, "2025-06-20-81"),
    (("forskrift om arbeidsavklaringspenger", "aap-forskriften", "aap forskrift", "aap-forskrift",
      "for-2017-12-13-2100"), FORSKRIFT, "2017-12-13-2100"),
    (("sosialtjenesteloven", "sosialtenestelova", "sotjl", "lov-2009-12-18-131"), LOV, "2009-12-18-131"),
    (("forvaltningsloven", "forvaltningslova", "fvl", "lov-1967-02-10"), LOV, "1967-02-10"),
    (("domstolloven", "domstollova", "dl."), LOV, "1915-08-13-5"),
    (("arkivloven", "arkivlova"), LOV, "1992-12-04-126"),
    (("språklova", "språkloven"), LOV, "2021-05-21-42"),
    (("forskrift om kvalifiseringsprogram", "kvp-forskriften", "for-2011-12-21-1471", "forskrift"),
     FORSKRIFT, "2011-12-21-1471"),
)

_SECTION = re.compile(r"§§?\s*(\d+)\s*([a-z])?(?![a-zæøå])", re.IGNORECASE)


def instrument(provision: str) -> tuple[str, str] | None:
    """``(kind, lovdata id)`` of the instrument a provision string names, or None."""
    text = provision.strip().lower()
    for patterns, kind, ident in _INSTRUMENTS:
        for pattern in patterns:
            if re.search(r"(?<![a-zæøå])" + re.escape(pattern) + r"(?![a-zæøå])", text):
                return kind, ident
    return None


def section(provision: str) -> str | None:
    """The first section number named («§ 37» → ``"37"``, «§ 11 a» → ``"11a"``, «§§ 36–38» → ``"36"``)."""
    m = _SECTION.search(provision)
    if not m:
        return None
    return m.group(1) + (m.group(2) or "").lower()


def lovdata_url(provision: str | None) -> str | None:
    """Lovdata address for a provision string, or None when the instrument is not recognised.

    >>> lovdata_url("sosialtjenesteloven § 37")
    'https://lovdata.no/lov/2009-12-18-131/§37'
    >>> lovdata_url("forskrift § 3")
    'https://lovdata.no/forskrift/2011-12-21-1471/§3'
    >>> lovdata_url("forvaltningsloven § 31")
    'https://lovdata.no/lov/1967-02-10/§31'
    """
    if not provision:
        return None
    return _lovdata_url(provision)


@lru_cache(maxsize=1024)
def _lovdata_url(provision: str) -> str | None:
    """:func:`lovdata_url`, memoised (pure in the string; the same hjemler recur in every case)."""
    found = instrument(provision)
    if found is None:
        return None
    kind, ident = found
    sec = section(provision)
    base = f"https://lovdata.no/{kind}/{ident}"
    return f"{base}/§{sec}" if sec else base


def lovdata_urls(hjemmel: str | None) -> list[str]:
    """Every link for a compound hjemmel such as «sotjl § 36; forskrift §§ 5–16» (split on ``;``)."""
    if not hjemmel:
        return []
    out: list[str] = []
    for part in hjemmel.split(";"):
        url = lovdata_url(part)
        if url and url not in out:
            out.append(url)
    return out
