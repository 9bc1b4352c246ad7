"""A generator of realistic Nav decision letters on kvalifiseringsstønad, for testing the extractor
(issue 16). ``render_letter(seed)`` → ``(pdf_bytes, truth)``: the truth is the part of a
``klagebenk.nav-vedtak/1`` document (docs/import-format.md) that the letter states, nothing more.

Everything is drawn from the seed: the case (docs/cases/*.json with new names, references, amounts), the
layout, bokmål or nynorsk, the date, amount and fødselsnummer styles, the order of the facts, the number
of pages, an appended appeal letter and a scanned-image variant. Letters are HTML rendered by WeasyPrint
with system fonts and no external resources.
"""

from __future__ import annotations

import copy
import html
import io
import json
import random
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from workbench.formats.import_format.identity import synthetic_number

CASES = Path(__file__).resolve().parents[2] / "docs" / "cases"
LAYOUTS = ("letterhead_table", "prose", "keyvalue", "bordered_table", "several_tables")
DATE_STYLES = ("numeric", "iso", "long")
AMOUNT_STYLES = ("kr_before", "kr_after", "dash")
MONTHS = ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
          "november", "desember")
FIRST = ("Marte", "Lars", "Kari", "Ola", "Åse", "Øystein", "Ingrid", "Per-Erik", "Sigrid", "Håkon", "Nora", "Amir")
MIDDLE = ("", "", "Dummy", "Testersen", "Prøvesen", "Fiktiv")
LAST = ("Olsen", "Dahl", "Aas", "Bråten", "Nilsen", "Sæther", "Haugland", "Lie", "Ødegård", "Berg-Hansen")
STREETS = ("Storgata", "Markens gate", "Kirkeveien", "Fjellveien", "Løkkegata", "Skolegata", "Åsveien")
OFFICES = (("Nav Kristiansand", "4611", "Kristiansand"), ("Nav Molde", "6413", "Molde"),
           ("Nav Lillestrøm", "2000", "Lillestrøm"), ("Nav Bergen sør", "5221", "Nesttun"),
           ("Nav Tromsø", "9008", "Tromsø"), ("Nav Ålesund", "6003", "Ålesund"))
KIND_WORD = {"nb": {"utbetaling": "utbetaling", "innvilgelse": "innvilgelse", "endring": "endring", "stans": "stans"},
             "nn": {"utbetaling": "utbetaling", "innvilgelse": "innvilging", "endring": "endring", "stans": "stans"}}
WORK_WORD = {"arbeid": ("arbeid", "arbeid"), "omsorgsstonad": ("omsorgsstønad", "omsorgsstønad"),
             "laerling": ("arbeid som lærling", "arbeid som lærling"),
             "fosterhjem": ("fosterhjemsoppdrag", "fosterheimsoppdrag")}
BENEFIT_WORD = {"dagpenger": ("dagpenger", "dagpengar"), "sykepenger": ("sykepenger", "sjukepengar"),
                "foreldrepenger": ("foreldrepenger", "foreldrepengar"), "aap": ("arbeidsavklaringspenger",
                "arbeidsavklaringspengar"), "barnetrygd": ("barnetrygd", "barnetrygd"), "bostotte": ("bostøtte", "bustøtte")}
DEDUCTION = {"fravaer": ("sosialtjenesteloven § 36", "ugyldig fravær", "ugyldig fråvær"),
             "arbeid": ("sosialtjenesteloven § 37", "inntekt fra arbeid", "inntekt frå arbeid"),
             "samordning": ("sosialtjenesteloven § 38", "samordning med andre ytelser", "samordning med andre ytingar")}
TWO_CENTS = Decimal("0.01")


@dataclass
class Style:
    """How one letter looks; drawn from the seed."""

    layout: str
    lang: str
    date_style: str
    amount_style: str
    fnr_space: bool
    scanned: bool
    appeal: bool
    pages: int
    order: list[str]


@dataclass
class Generated:
    pdf: bytes
    truth: dict
    style: Style


# --- the case ------------------------------------------------------------------------------------------

def base_cases() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(CASES.glob("*.json"))]


def _money(v: Decimal) -> str:
    return str(v.quantize(TWO_CENTS))


def _vary_people(doc: dict, rng: random.Random) -> None:
    """New participant, office and reference: the letter must not always say the same."""
    office, postcode, city = rng.choice(OFFICES)
    born = date(rng.randint(1962, 2003), rng.randint(1, 12), rng.randint(1, 28))
    name = " ".join(x for x in (rng.choice(FIRST), rng.choice(MIDDLE), rng.choice(LAST)) if x)
    street = f"{rng.choice(STREETS)} {rng.randint(1, 120)}{rng.choice(['', '', 'B'])}"
    doc["nav_office"] = {"name": office}
    doc["participant"] = {"name": name, "fnr": synthetic_number(born), "birth_date": born.isoformat(),
                          "address": {"street": street, "postcode": postcode, "city": city}}
    year = doc["decision"]["date"][:4]
    doc["decision"]["reference"] = f"{year}/{rng.randint(1000, 99999)}"


def _vary_payments(doc: dict, rng: random.Random) -> None:
    """New amounts (net = gross − deductions, rounded half up) and 1–3 payment periods."""
    first = date.fromisoformat(doc["payments"][0]["from"])
    kinds = sorted({d["kind"] for p in doc["payments"] for d in p["deductions"]} & set(DEDUCTION))
    periods = []
    for i in range(rng.choice([1, 1, 2, 3])):
        start = first + timedelta(days=14 * i)
        gross = Decimal(rng.randint(500000, 2500000)) / 100
        deds = []
        for kind in rng.sample(kinds or ["arbeid", "samordning"], k=rng.randint(0, min(2, len(kinds) or 2))):
            amount = (Decimal(rng.randint(10000, int(gross * 40))) / 100).quantize(TWO_CENTS)
            deds.append({"kind": kind, "amount": _money(amount), "hjemmel": DEDUCTION[kind][0]})
        net = (gross - sum(Decimal(d["amount"]) for d in deds)).quantize(Decimal(1), ROUND_HALF_UP)
        periods.append({"from": start.isoformat(), "to": (start + timedelta(days=13)).isoformat(),
                        "gross": _money(gross), "deductions": deds, "net": _money(net)})
    doc["payments"] = periods


def make_case(rng: random.Random, document: dict | None = None) -> dict:
    """The truth of one letter: an import document varied from a worked case, cut to what letters state."""
    doc = copy.deepcopy(document or rng.choice(base_cases()))
    _vary_people(doc, rng)
    _vary_payments(doc, rng)
    kind = doc["decision"]["kind"] if rng.random() < 0.6 else rng.choice(["innvilgelse", "endring", "stans"])
    hjemler = sorted({"sosialtjenesteloven § 35"} | {d["hjemmel"] for p in doc["payments"] for d in p["deductions"]},
                     key=lambda h: int(h.rsplit(" ", 1)[1]))
    truth = {"nav_office": doc["nav_office"], "participant": doc["participant"],
             "decision": {"reference": doc["decision"]["reference"], "date": doc["decision"]["date"], "kind": kind,
                          "hjemler": hjemler},
             "programme": {"from": doc["programme"]["from"], "to": doc["programme"]["to"]},
             "children": [{"birth_date": c["birth_date"]} for c in doc.get("children", [])],
             "work": [{k: w[k] for k in ("from", "to", "hours", "kind")} for w in doc.get("work", [])],
             "benefits": [{k: b[k] for k in ("kind", "from", "to", "daily_amount")} for b in doc.get("benefits", [])
                          if b["kind"] in BENEFIT_WORD],
             "payments": doc["payments"]}
    truth["benefits"] = [dict(b, daily_amount=_money(Decimal(str(b["daily_amount"])))) for b in truth["benefits"]]
    decided = date.fromisoformat(truth["decision"]["date"])
    truth["appeal"] = {"sent": (decided + timedelta(days=rng.randint(5, 30))).isoformat(),
                       "arguments": list(doc["appeal"]["arguments"])}
    return truth


# --- styles --------------------------------------------------------------------------------------------

def draw_style(rng: random.Random) -> Style:
    order = ["programme", "children", "work", "benefits", "payments"]
    rng.shuffle(order)
    return Style(layout=rng.choice(LAYOUTS), lang=rng.choice(["nb", "nb", "nn"]), date_style=rng.choice(DATE_STYLES),
                 amount_style=rng.choice(AMOUNT_STYLES), fnr_space=rng.random() < 0.5,
                 scanned=rng.random() < 0.1, appeal=rng.random() < 0.5, pages=rng.randint(1, 3), order=order)


def fmt_date(iso: str, style: Style) -> str:
    d = date.fromisoformat(iso)
    if style.date_style == "iso":
        return iso
    if style.date_style == "long":
        return f"{d.day}. {MONTHS[d.month - 1]} {d.year}"
    return d.strftime("%d.%m.%Y")


def fmt_range(a: str, b: str, style: Style, rng: random.Random) -> str:
    if style.date_style == "long" or rng.random() < 0.3:
        word = "fra" if style.lang == "nb" else "frå"
        return f"{word} {fmt_date(a, style)} til {fmt_date(b, style)}"
    return f"{fmt_date(a, style)}–{fmt_date(b, style)}"


def fmt_amount(value: str, style: Style) -> str:
    v = Decimal(value).quantize(TWO_CENTS)
    whole, cents = divmod(int(v * 100), 100)
    if style.amount_style == "dash":
        return f"{whole},-" if cents == 0 else f"{whole},{cents:02d}"
    text = f"{whole:,}".replace(",", "\u00a0") + f",{cents:02d}"
    return f"kr\u00a0{text}" if style.amount_style == "kr_before" else f"{text}\u00a0kr"


def fmt_fnr(fnr: str, style: Style) -> str:
    return f"{fnr[:6]} {fnr[6:]}" if style.fnr_space else fnr


def fmt_hours(h: float | int) -> str:
    return f"{h:g}".replace(".", ",")


def join_list(items: list[str], lang: str) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " og " + items[-1]


# --- rendering -----------------------------------------------------------------------------------------

def render_letter(seed: int, document: dict | None = None) -> tuple[bytes, dict]:
    """The letter for ``seed`` as PDF bytes and the import-format facts it states."""
    g = generate(seed, document)
    return g.pdf, g.truth


def generate(seed: int, document: dict | None = None) -> Generated:
    rng = random.Random(seed)
    truth = make_case(rng, document)
    style = draw_style(rng)
    from nav_letter_layouts import letter_html  # type: ignore[import-not-found]  # tests/extraction on sys.path

    pdf = html_to_pdf(letter_html(truth, style, rng))
    if style.scanned:
        pdf = scan(pdf, rng)
    if not style.appeal:
        truth.pop("appeal")
    return Generated(pdf, truth, style)


def generate_appeal(seed: int) -> Generated:
    """The claimant's klage as a document of its own (nb or nn, any date style), for the letter of ``seed``'s
    case: ``truth`` is ``{"appeal": {"sent", "arguments"}, "decision": {"date"}}`` (the decision date the
    reader checks the klage's date against)."""
    rng = random.Random(seed)
    truth = make_case(rng)
    style = draw_style(rng)
    style.appeal, style.scanned = True, False
    from nav_letter_layouts import appeal_html  # type: ignore[import-not-found]  # tests/extraction on sys.path

    pdf = html_to_pdf(appeal_html(truth, style))
    return Generated(pdf, {"appeal": truth["appeal"], "decision": {"date": truth["decision"]["date"]}}, style)


def html_to_pdf(text: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=text).write_pdf()


def scan(pdf: bytes, rng: random.Random) -> bytes:
    """The letter as a scanner makes it: each page an image (pdftoppm), slightly rotated and speckled."""
    from PIL import Image, ImageDraw

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.pdf"
        src.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "110", "-gray", "-png", str(src), str(Path(tmp) / "p")], check=True,
                       timeout=120)
        pages = []
        for png in sorted(Path(tmp).glob("p*.png")):
            img = Image.open(png).convert("L").rotate(rng.uniform(-1.2, 1.2), expand=True, fillcolor=255)
            draw = ImageDraw.Draw(img)
            for _ in range(400):
                x, y = rng.randrange(img.width), rng.randrange(img.height)
                draw.point((x, y), fill=rng.randint(0, 120))
            pages.append(img)
        out = io.BytesIO()
        pages[0].save(out, format="PDF", save_all=True, append_images=pages[1:], resolution=110)
        return out.getvalue()


def esc(text: str) -> str:
    return html.escape(text, quote=True)
