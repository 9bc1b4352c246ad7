"""The five layouts of the generated Nav letters (``nav_letters``): each fact rendered as prose, as a
key/value line or in a table, in bokmål or nynorsk, in the order the seed drew."""

from __future__ import annotations

import random

import nav_letters as nl  # type: ignore[import-not-found]  # tests/extraction is on sys.path

CSS = """
@page { size: A4; margin: 22mm 20mm; }
body { font-family: 'Liberation Sans', 'DejaVu Sans', sans-serif; font-size: 10.5pt; line-height: 1.35; }
.lh { font-size: 15pt; font-weight: bold; margin-bottom: 8mm; }
.meta { text-align: right; }
.addr { margin: 6mm 0 8mm 0; }
h1 { font-size: 13pt; margin: 6mm 0 4mm 0; }
h2 { font-size: 11pt; margin: 5mm 0 2mm 0; }
table { border-collapse: collapse; margin: 2mm 0 4mm 0; }
td, th { padding: 1mm 4mm 1mm 0; text-align: left; vertical-align: top; }
table.grid td, table.grid th { border: 0.6pt solid #333; padding: 1mm 3mm; }
td.num, th.num { text-align: right; }
.box { border: 0.8pt solid #333; padding: 3mm; margin: 3mm 0; }
.page { page-break-before: always; }
"""
TITLE = {"nb": "Vedtak om {} av kvalifiseringsstønad", "nn": "Vedtak om {} av kvalifiseringsstønad"}
FILLER = {
    "nb": ("Du har rett til å klage på vedtaket. Klagen sendes til Nav-kontoret som har gjort vedtaket. "
           "Dersom Nav ikke gir deg medhold, sendes saken til Statsforvalteren for endelig avgjørelse. "
           "Du har rett til innsyn i dokumentene i saken din. Ta kontakt med oss hvis du har spørsmål."),
    "nn": ("Du har rett til å klage på vedtaket. Klaga skal sendast til Nav-kontoret som har gjort vedtaket. "
           "Dersom Nav ikkje gir deg medhald, blir saka send til Statsforvaltaren for endeleg avgjerd. "
           "Du har rett til innsyn i dokumenta i saka di. Ta kontakt med oss om du har spørsmål."),
}


def t(style, nb: str, nn: str) -> str:
    return nb if style.lang == "nb" else nn


def letter_html(truth: dict, style, rng: random.Random) -> str:
    """The whole letter: header, the facts in the drawn order, hjemler, signature, filler pages, appeal."""
    body = [header(truth, style, rng)]
    for section in style.order:
        body.append(SECTIONS[section](truth, style, rng))
    body.append(hjemler(truth, style))
    body.append(f"<p>{nl.esc(FILLER[style.lang])}</p>")
    body.append(f"<p>{t(style, 'Med vennlig hilsen', 'Med venleg helsing')}</p><p>{nl.esc(truth['nav_office']['name'])}</p>")
    for _ in range(style.pages - 1):
        body.append(f"<div class='page'><h2>{t(style, 'Orientering om klagerett', 'Orientering om klagerett')}</h2>"
                    + f"<p>{nl.esc(FILLER[style.lang])}</p>" * 3 + "</div>")
    if style.appeal:
        body.append(appeal(truth, style))
    return f"<!doctype html><html lang='{style.lang}'><head><meta charset='utf-8'><style>{CSS}</style></head>" \
           f"<body>{''.join(body)}</body></html>"


# --- header ----------------------------------------------------------------------------------------------

def header(truth: dict, style, rng: random.Random) -> str:
    p, d = truth["participant"], truth["decision"]
    title = f"<h1>{TITLE[style.lang].format(nl.KIND_WORD[style.lang][d['kind']])}</h1>"
    fnr = nl.fmt_fnr(p["fnr"], style)
    if style.layout == "prose":
        intro = (f"{nl.esc(truth['nav_office']['name'])} har {nl.fmt_date(d['date'], style)} gjort vedtak i sak "
                 f"{d['reference']}. {t(style, 'Vedtaket gjelder', 'Vedtaket gjeld')} {nl.esc(p['name'])}, "
                 f"fødselsnummer {fnr}, {nl.esc(p['address']['street'])}, {p['address']['postcode']} "
                 f"{nl.esc(p['address']['city'])}.")
        return f"{title}<p>{intro}</p>"
    lh = f"<div class='lh'>{nl.esc(truth['nav_office']['name'])}</div>"
    if style.layout == "keyvalue":
        rows = [("Navn" if style.lang == "nb" else "Namn", p["name"]), ("Fødselsnummer", fnr),
                ("Adresse", f"{p['address']['street']}, {p['address']['postcode']} {p['address']['city']}"),
                ("Saksnummer", d["reference"]), ("Vedtaksdato", nl.fmt_date(d["date"], style))]
        rng.shuffle(rows)
        return lh + title + "<div class='box'>" + "".join(f"<div>{k}: {nl.esc(v)}</div>" for k, v in rows) + "</div>"
    ref_label = rng.choice(["Vår referanse", "Saksnummer"])
    date_label = rng.choice(["Dato", "Vedtaksdato"])
    meta = f"<div class='meta'>{ref_label}: {d['reference']}<br>{date_label}: {nl.fmt_date(d['date'], style)}</div>"
    addr = (f"<div class='addr'>{nl.esc(p['name'])}<br>{nl.esc(p['address']['street'])}<br>"
            f"{p['address']['postcode']} {nl.esc(p['address']['city'])}</div>")
    return lh + meta + addr + title + f"<p>Fødselsnummer: {fnr}</p>"


# --- facts -------------------------------------------------------------------------------------------------

def kv_or_table(style) -> str:
    return {"prose": "prose", "keyvalue": "kv"}.get(style.layout, "table")


def programme(truth: dict, style, rng: random.Random) -> str:
    pr = truth["programme"]
    if kv_or_table(style) == "prose" or rng.random() < 0.3:
        verb = t(style, "Du deltar i kvalifiseringsprogrammet", "Du deltek i kvalifiseringsprogrammet")
        return f"<p>{verb} {nl.fmt_range(pr['from'], pr['to'], style, rng)}.</p>"
    return f"<p>Programperiode: {nl.fmt_date(pr['from'], style)}–{nl.fmt_date(pr['to'], style)}</p>"


def children(truth: dict, style, rng: random.Random) -> str:
    kids = truth["children"]
    if not kids:
        return ""
    dates = [nl.fmt_date(c["birth_date"], style) for c in kids]
    if style.layout == "several_tables":
        head = f"<tr><th>{t(style, 'Barn', 'Born')}</th><th>Fødselsdato</th></tr>"
        rows = "".join(f"<tr><td>{i + 1}</td><td>{d}</td></tr>" for i, d in enumerate(dates))
        return f"<h2>{t(style, 'Barn du forsørger', 'Born du forsørgjer')}</h2><table>{head}{rows}</table>"
    if kv_or_table(style) == "kv":
        return f"<div>{t(style, 'Barn, født', 'Born, fødde')}: {', '.join(dates)}</div>"
    verb = t(style, f"Du forsørger {len(kids)} barn, født", f"Du forsørgjer {len(kids)} born, fødde")
    return f"<p>{verb} {nl.join_list(dates, style.lang)}.</p>"


def work(truth: dict, style, rng: random.Random) -> str:
    out = []
    for w in truth["work"]:
        kind = nl.WORK_WORD[w["kind"]][style.lang == "nn"]
        hours = f"{nl.fmt_hours(w['hours'])} {t(style, 'timer', 'timar')}"
        if kv_or_table(style) == "prose":
            out.append(f"<p>I perioden {nl.fmt_range(w['from'], w['to'], style, rng)} har du hatt {hours} {kind}.</p>")
        else:
            out.append(f"<div>{kind.capitalize()} {nl.fmt_date(w['from'], style)}–{nl.fmt_date(w['to'], style)}: "
                       f"{hours}</div>")
    return "".join(out)


def benefits(truth: dict, style, rng: random.Random) -> str:
    out = []
    for b in truth["benefits"]:
        name = nl.BENEFIT_WORD[b["kind"]][style.lang == "nn"]
        amount = nl.fmt_amount(b["daily_amount"], style)
        if kv_or_table(style) == "prose":
            verb = t(style, "Du mottar", "Du får")
            out.append(f"<p>{verb} {name} med {amount} per dag i perioden "
                       f"{nl.fmt_range(b['from'], b['to'], style, rng)}.</p>")
        else:
            out.append(f"<div>{name.capitalize()} {nl.fmt_date(b['from'], style)}–{nl.fmt_date(b['to'], style)}: "
                       f"{amount} per dag</div>")
    return "".join(out)


def ded_label(d: dict, style) -> str:
    return nl.DEDUCTION[d["kind"]][1 if style.lang == "nb" else 2]


def payments(truth: dict, style, rng: random.Random) -> str:
    return {"letterhead_table": pay_rows, "prose": pay_prose, "keyvalue": pay_kv, "bordered_table": pay_grid_prose,
            "several_tables": pay_grid_tables}[style.layout](truth, style, rng)


def pay_rows(truth: dict, style, rng: random.Random) -> str:
    """Letterhead layout: one two-column table, a block of rows per payment period."""
    rows = []
    for p in truth["payments"]:
        rows.append(f"<tr><th>Periode</th><th>{nl.fmt_date(p['from'], style)}–{nl.fmt_date(p['to'], style)}</th></tr>")
        rows.append(f"<tr><td>{t(style, 'Brutto stønad', 'Brutto stønad')}</td><td class='num'>"
                    f"{nl.fmt_amount(p['gross'], style)}</td></tr>")
        for d in p["deductions"]:
            rows.append(f"<tr><td>Trekk, {ded_label(d, style)} ({d['hjemmel']})</td><td class='num'>"
                        f"{nl.fmt_amount(d['amount'], style)}</td></tr>")
        rows.append(f"<tr><td>{t(style, 'Netto utbetalt', 'Netto utbetalt')}</td><td class='num'>"
                    f"{nl.fmt_amount(p['net'], style)}</td></tr>")
    return f"<h2>{t(style, 'Utbetaling', 'Utbetaling')}</h2><table>{''.join(rows)}</table>"


def pay_prose(truth: dict, style, rng: random.Random) -> str:
    out = []
    for p in truth["payments"]:
        s = [f"For perioden {nl.fmt_range(p['from'], p['to'], style, rng)} er brutto stønad {nl.fmt_amount(p['gross'], style)}."]
        for d in p["deductions"]:
            verb = t(style, "Det er trukket", "Det er trekt")
            s.append(f"{verb} {nl.fmt_amount(d['amount'], style)} etter {d['hjemmel']} for {ded_label(d, style)}.")
        s.append(f"Netto utbetaling for perioden er {nl.fmt_amount(p['net'], style)}.")
        out.append("<p>" + " ".join(s) + "</p>")
    return "".join(out)


def pay_kv(truth: dict, style, rng: random.Random) -> str:
    out = []
    for p in truth["payments"]:
        lines = [f"Periode: {nl.fmt_date(p['from'], style)}–{nl.fmt_date(p['to'], style)}",
                 f"Brutto: {nl.fmt_amount(p['gross'], style)}"]
        lines += [f"Trekk ({d['hjemmel']}): {nl.fmt_amount(d['amount'], style)}" for d in p["deductions"]]
        lines.append(f"Netto: {nl.fmt_amount(p['net'], style)}")
        out.append("<div class='box'>" + "".join(f"<div>{x}</div>" for x in lines) + "</div>")
    return "".join(out)


def grid(truth: dict, style) -> str:
    head = "<tr><th>Periode</th><th class='num'>Brutto</th><th class='num'>Trekk</th><th class='num'>Netto</th></tr>"
    rows = []
    for p in truth["payments"]:
        total = sum(nl.Decimal(d["amount"]) for d in p["deductions"])
        rows.append(f"<tr><td>{nl.fmt_date(p['from'], style)}–{nl.fmt_date(p['to'], style)}</td>"
                    f"<td class='num'>{nl.fmt_amount(p['gross'], style)}</td>"
                    f"<td class='num'>{nl.fmt_amount(str(total), style)}</td>"
                    f"<td class='num'>{nl.fmt_amount(p['net'], style)}</td></tr>")
    return f"<table class='grid'>{head}{''.join(rows)}</table>"


def pay_grid_prose(truth: dict, style, rng: random.Random) -> str:
    """Bordered table with the reasons for each deduction in prose."""
    reasons = []
    for p in truth["payments"]:
        for d in p["deductions"]:
            verb = t(style, "er det trukket", "er det trekt")
            reasons.append(f"I perioden {nl.fmt_range(p['from'], p['to'], style, rng)} {verb} "
                           f"{nl.fmt_amount(d['amount'], style)} for {ded_label(d, style)}, jf. {d['hjemmel']}.")
    return f"<h2>Utbetaling</h2>{grid(truth, style)}<h2>{t(style, 'Begrunnelse', 'Grunngiving')}</h2>" \
           f"<p>{' '.join(reasons)}</p>"


def pay_grid_tables(truth: dict, style, rng: random.Random) -> str:
    head = f"<tr><th>Periode</th><th>{t(style, 'Trekk', 'Trekk')}</th><th>Hjemmel</th><th class='num'>Beløp</th></tr>"
    rows = [f"<tr><td>{nl.fmt_date(p['from'], style)}–{nl.fmt_date(p['to'], style)}</td><td>{ded_label(d, style)}</td>"
            f"<td>{d['hjemmel']}</td><td class='num'>{nl.fmt_amount(d['amount'], style)}</td></tr>"
            for p in truth["payments"] for d in p["deductions"]]
    deds = f"<h2>{t(style, 'Trekk i stønaden', 'Trekk i stønaden')}</h2><table class='grid'>{head}{''.join(rows)}</table>"
    return f"<h2>Utbetaling</h2>{grid(truth, style)}" + (deds if rows else "")


def hjemler(truth: dict, style) -> str:
    return f"<p>{t(style, 'Vedtaket er gjort etter', 'Vedtaket er gjort etter')} " \
           f"{nl.join_list(truth['decision']['hjemler'], style.lang)}.</p>"


def appeal(truth: dict, style) -> str:
    a, p = truth["appeal"], truth["participant"]
    args = "".join(f"<p>{i + 1}. {nl.esc(x)}</p>" for i, x in enumerate(a["arguments"]))
    return (f"<div class='page'><p>{nl.esc(p['name'])}</p><p>{p['address']['city']}, {nl.fmt_date(a['sent'], style)}</p>"
            f"<h1>Klage på vedtak om kvalifiseringsstønad, sak {truth['decision']['reference']}</h1>"
            f"<p>{t(style, 'Jeg klager på vedtaket av', 'Eg klagar på vedtaket av')} "
            f"{nl.fmt_date(truth['decision']['date'], style)}. {t(style, 'Jeg mener:', 'Eg meiner:')}</p>{args}"
            f"<p>{t(style, 'Med vennlig hilsen', 'Med venleg helsing')}</p><p>{nl.esc(p['name'])}</p></div>")


def appeal_html(truth: dict, style) -> str:
    """The klage as a document of its own (the oversendelse's «klage»)."""
    body = appeal(truth, style).replace("<div class='page'>", "<div>", 1)
    return f"<!doctype html><html lang='{style.lang}'><head><meta charset='utf-8'><style>{CSS}</style></head>" \
           f"<body>{body}</body></html>"


SECTIONS = {"programme": programme, "children": children, "work": work, "benefits": benefits, "payments": payments}
