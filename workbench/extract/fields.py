"""Finding each fact of a Nav decision letter in its text. Every finder returns what it is sure of and
nothing else: a value that two places state differently, or that fails a check, is left out (issue 16:
a wrong value is worse than an empty one). Keys are those of docs/import-format.md."""

from __future__ import annotations

import re

from workbench.extract.text import (AMOUNT, DATE, HJEMMEL, NAME, RANGE, Leaf, Text, join_lines, norm_hjemmel, parse_amount,
                                    parse_date, parse_range)

IC = re.IGNORECASE
KIND_WORDS = {"utbetaling": "utbetaling", "innvilgelse": "innvilgelse", "innvilging": "innvilgelse", "endring": "endring",
              "stans": "stans", "avslag": "avslag", "tilbakekreving": "tilbakekreving", "tilbakekrevjing": "tilbakekreving"}
WORK_KINDS = (("lærling", "laerling"), ("omsorgsstønad", "omsorgsstonad"), ("fosterhjem", "fosterhjem"),
              ("fosterheim", "fosterhjem"), ("arbeid", "arbeid"))
BENEFIT_KINDS = {"dagpenger": "dagpenger", "dagpengar": "dagpenger", "sykepenger": "sykepenger", "sjukepengar": "sykepenger",
                 "foreldrepenger": "foreldrepenger", "foreldrepengar": "foreldrepenger",
                 "arbeidsavklaringspenger": "aap", "arbeidsavklaringspengar": "aap", "barnetrygd": "barnetrygd",
                 "bostøtte": "bostotte", "bustøtte": "bostotte", "overgangsstønad": "overgangsstonad",
                 "kontantstøtte": "kontantstotte", "uføretrygd": "uforetrygd"}
DEDUCTION_KINDS = {"36": "fravaer", "37": "arbeid", "38": "samordning"}
HOURS = r"(\d+(?:,\d{1,2})?)\s+tim(?:er|ar)"


def agree(leaves: list[Leaf]) -> Leaf | None:
    """The first of the candidates if they all state the same value; None if none, or if they disagree."""
    if not leaves or len({repr(x.value) for x in leaves}) > 1:
        return None
    return leaves[0]


def office(t: Text) -> Leaf | None:
    """The letterhead (a line «Nav X» at the top of page 1) and the signature under «Med vennlig hilsen»."""
    name = r"Nav(?: [\wæøåÆØÅ-]+){1,3}"
    found = [t.leaf(m[1], m.start(1)) for m in t.find(rf"\A({name})$")]
    found += [t.leaf(m[1], m.start(1)) for m in t.find(rf"^Med (?:vennlig hilsen|venleg helsing)\n({name})$")]
    found += [t.leaf(m[1], m.start(1)) for m in t.find(rf"\A[^\n]*?\n?[^\n]*?\b({name}) har {DATE} gjort vedtak")]
    return agree(found)


def reference(t: Text) -> Leaf | None:
    pat = r"(?:Vår referanse|Saksnummer|Saksnr\.?|i sak|sak)\s*:?\s*(\d{4}/\d{1,7})\b"
    return agree([t.leaf(m[1], m.start(1)) for m in t.find(pat)])


def decision_date(t: Text) -> Leaf | None:
    found = [m for m in t.find(rf"^(?:Vedtaksdato|Dato)\s*:\s*({DATE})$")]
    found += t.find(rf"\bhar\s+({DATE})\s+gjort\s+vedtak")
    return agree([t.leaf(d, m.start(1)) for m in found if (d := parse_date(m[1]))])


def decision_kind(t: Text) -> Leaf | None:
    found = t.find(r"^Vedtak om (\w+) av kvalifiseringsstønad", IC)
    return agree([t.leaf(KIND_WORDS[m[1].lower()], m.start(1)) for m in found if m[1].lower() in KIND_WORDS])


def hjemler(t: Text) -> list[Leaf]:
    """The provisions in the sentence «Vedtaket er gjort etter …», as written (decision.hjemler)."""
    for m in t.find(r"Vedtaket\s+er\s+(?:gjort|fattet|fatta)\s+etter\s+(.+?)\.(?:\s|$)", re.DOTALL):
        return [t.leaf(norm_hjemmel(h[0]), m.start(1) + h.start()) for h in re.finditer(HJEMMEL, m[1])]
    return []


def name(t: Text) -> Leaf | None:
    found = t.find(rf"^(?:Navn|Namn)\s*:\s*({NAME})$")
    found += t.find(rf"Vedtaket\s+gjelde?r?\s+({NAME}),\s+fødselsnummer")
    found += t.find(rf"\A(?:[^\n]*\n){{1,4}}?({NAME})\n[^\n|]+ \d+[A-Z]?\n\d{{4}} [^\n|]+$")
    if any("-\n" in m[1] for m in found):  # «Berg-» | «Hansen»: a hyphen or a break? leave it to the jurist
        return None
    return agree([t.leaf(" ".join(m[1].split()), m.start(1)) for m in found])


def fnr(t: Text) -> Leaf | None:
    """The fødselsnummer (with or without a space), only if its check digits and birth date are valid."""
    from workbench.formats.import_format.identity import IdentityError, validate_identity

    found = []
    for m in t.find(r"(?:Fødselsnummer|Fødselsnr\.?|Fnr\.?)\s*:?\s*(\d{6} ?\d{5})\b", IC):
        number = m[1].replace(" ", "")
        try:
            validate_identity(number)
        except IdentityError:
            return None
        found.append(t.leaf(number, m.start(1)))
    return agree(found)


def address(t: Text) -> dict[str, Leaf] | None:
    street, city = r"([A-ZÆØÅ][\wæøåÆØÅ .'-]*? \d+ ?[A-Z]?)", r"([A-ZÆØÅ][\wæøåÆØÅ -]*?)"
    found = t.find(rf"^Adresse\s*:\s*{street},\s+(\d{{4}})\s+{city}$")
    found += t.find(rf"fødselsnummer\s+\d{{6}} ?\d{{5}},\s+{street},\s+(\d{{4}})\s+{city}\.")
    found += t.find(rf"\A(?:[^\n]*\n){{2,5}}?{street}\n(\d{{4}}) {city}$")
    seen = {(" ".join(m[1].split()), m[2], " ".join(m[3].split())) for m in found}
    if len(seen) != 1:
        return None
    m = found[0]
    return {"street": t.leaf(" ".join(m[1].split()), m.start(1)), "postcode": t.leaf(m[2], m.start(2)),
            "city": t.leaf(" ".join(m[3].split()), m.start(3))}


def children(t: Text) -> list[Leaf]:
    """Children's birth dates: «… barn, født d1, d2 og d3», «Barn, født: …» or a table Barn | Fødselsdato."""
    out = []
    for m in t.find(rf"\b(?:barn|born),?\s+(?:født|fødd|fødde)\s*:?\s*((?:{DATE})(?:(?:,\s*|\s+og\s+){DATE})*)", IC):
        out += [t.leaf(parse_date(d[0]), m.start(1) + d.start()) for d in re.finditer(DATE, m[1])]
    for m in t.find(r"^(?:Barn|Born) \| Fødselsdato\n((?:\d+ \| [^\n]+\n?)+)"):
        out += [t.leaf(parse_date(d[1]), m.start(1) + d.start(1)) for d in re.finditer(rf"^\d+ \| ({DATE})$", m[1], re.M)]
    return [x for x in out if x.value]


def programme(t: Text) -> dict[str, Leaf] | None:
    found = t.find(rf"(?:kvalifiseringsprogrammet|Programperiode\s*:)\s+{RANGE}")
    ranges = {(r, m.start(1), m.start(2)) for m in found if (r := parse_range(m, 1))}
    if len({r for r, _, _ in ranges}) != 1:
        return None
    (a, b), pa, pb = sorted(ranges, key=lambda x: x[1])[0]
    return {"from": t.leaf(a, pa), "to": t.leaf(b, pb)}


def _work_kind(text: str) -> str | None:
    low = text.lower()
    return next((kind for word, kind in WORK_KINDS if word in low), None)


def work(t: Text) -> list[dict[str, Leaf]]:
    """Income-giving work (sotjl § 37): the period, the hours and the kind."""
    pats = [(rf"I\s+perioden\s+{RANGE}\s+har\s+du\s+hatt\s+{HOURS}\s+([^.\n]+(?:\n[^.\n]+)?)\.", 1, 3, 4),
            (rf"^([^\n|:]*?(?:arbeid|omsorgsstønad|fosterhjem|fosterheim)[^\n|:]*?)\s+{RANGE}\s*:\s*{HOURS}$", 2, 4, 1)]
    out = []
    for pat, rg, hg, kg in pats:
        for m in t.find(pat, IC):
            r, kind = parse_range(m, rg), _work_kind(m[kg])
            if r and kind:
                hours = float(m[hg].replace(",", "."))
                out.append({"from": t.leaf(r[0], m.start(rg)), "to": t.leaf(r[1], m.start(rg + 1)),
                            "hours": t.leaf(int(hours) if hours.is_integer() else hours, m.start(hg)),
                            "kind": t.leaf(kind, m.start(kg))})
    return out


def benefits(t: Text) -> list[dict[str, Leaf]]:
    """Other benefits with their day rate (import-format.md ``benefits[]``)."""
    words = "|".join(BENEFIT_KINDS)
    pats = [(rf"(?:mottar|får)\s+({words})\s+med\s+{AMOUNT}\s+per\s+dag\s+i\s+perioden\s+{RANGE}", 1, 2, 4),
            (rf"^({words})\s+{RANGE}\s*:\s*{AMOUNT}\s+per\s+dag$", 1, 4, 2)]
    out = []
    for pat, kg, ag, rg in pats:
        for m in t.find(pat, IC):
            if r := parse_range(m, rg):
                out.append({"kind": t.leaf(BENEFIT_KINDS[m[kg].lower()], m.start(kg)),
                            "from": t.leaf(r[0], m.start(rg)), "to": t.leaf(r[1], m.start(rg + 1)),
                            "daily_amount": t.leaf(parse_amount(m[ag], m[ag + 1]), m.start(ag))})
    return out


def appeal_sent(t: Text) -> Leaf | None:
    found = t.find(rf"^[A-ZÆØÅ][\wæøåÆØÅ -]*,\s+({DATE})$") + t.find(rf"^Dato\s*:\s*({DATE})$")
    return agree([t.leaf(d, m.start(1)) for m in found if (d := parse_date(m[1]))])


def arguments(t: Text) -> list[Leaf]:
    """The claimant's numbered points, each joined across its wrapped lines (appeal.arguments)."""
    not_date = r"(?!\s*(?:" + "|".join(("januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
                                         "september", "oktober", "november", "desember")) + r")\b)"
    items = t.find(rf"^(\d{{1,2}})\.{not_date}\s+(.+?)(?=\n\d{{1,2}}\.{not_date}\s|\nMed (?:vennlig hilsen|venleg helsing)|\Z)",
                   re.DOTALL)
    if [int(m[1]) for m in items] != list(range(1, len(items) + 1)):
        return []
    return [t.leaf(join_lines(m[2]), m.start(2)) for m in items]
