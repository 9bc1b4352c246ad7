"""Issue 12, acceptance: every worked case, in bokmål and nynorsk, through the real review flow and the web.

The jurist records the review (outcome, the reasons for it, an answer to every argument, every ⚖ point, § 48
findings, a late appeal admitted with its § 31 ground, a dismissal recorded as neither a) nor b)), writes the
optional additions on the letter page, sends; a leder approves; the saksbehandler finalises. The text of the
stored PDF/A — what the claimant reads and the leder signs — is then checked: no engine tag, rule number or
parameter key; the lawful closing text for the outcome; timeliness stated; the difference and who pays it where
the decision is changed in the claimant's favour; each argument quoted and answered; no ⚖ question printed.
(tests/letters/test_letter_content.py checks the same rules on the letter model, one by one.)
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlmodel import select
from test_vedtak_flow import take_through
from vedtak_support import ANSWER, RECORDED_TEXT, fresh

from workbench.db.appeal_models import Letter
from workbench.db.models import User
from workbench.letters.gate import engine_words
from workbench.letters.pdfa import extract_text
from workbench.services import letters as letter_service

CASES = Path(__file__).resolve().parents[2] / "docs" / "cases"
WORKED = sorted(p.stem for p in CASES.glob("*.json"))
LETTERS = [(name, lang) for name in WORKED for lang in ("nb", "nn")]


def _flat(text: str) -> str:
    """The PDF's text as one line: words a line break split («Statsforvalte‐ ren») joined again."""
    text = re.sub(r"[\u2010\u00ad-]\n(?=\w)", "", text.replace("\u00a0", " "))
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("name,lang", LETTERS)
def test_the_letter_a_leder_signs(name, lang, db, import_case, client_as):
    assert len(WORKED) >= 12  # D01–D11 and the demo case
    sb, leder = client_as("saksbehandler"), client_as("leder")
    case = import_case(f"{name}.json", assign_to=db.get(User, sb.user.id))
    r = take_through(db, case, sb, leder, lang)
    assert r.status_code == 302, re.sub(r"\s+", " ", r.get_data(as_text=True))[:4000]
    row = db.exec(select(Letter).where(Letter.case_id == case.id)).one()
    db.refresh(row)
    text = _flat(extract_text(row.pdf))
    doc = json.loads((CASES / f"{name}.json").read_text(encoding="utf-8"))
    view = letter_service.review_view(db, fresh(db, case), today=row.our_date)
    review, outcome = view.review, view.recorded.chosen_outcome

    # no engine tag, rule number or parameter key
    assert engine_words(text) == []
    for word in ("[ASSUMPTION]", "[INF]", "[NV]", "holidays", "None", "True", "False"):
        assert word not in text, word

    # the lawful closing text: a dismissal recorded as neither a) nor b) may be appealed (fvl. § 28 third paragraph)
    cannot = {"nb": "kan ikke påklages", "nn": "kan ikkje påklagast"}[lang]
    if outcome == "avvise":
        assert cannot not in text
        assert {"nb": "Du kan klage på vedtaket om å avvise klagen",
                "nn": "Du kan klage på vedtaket om å avvise klaga"}[lang] in text
    else:
        assert cannot in text and "§ 28 tredje ledd" in text
    assert {"nb": "Sivilombudet", "nn": "Sivilombodet"}[lang] in text

    # timeliness stated; a late appeal heard gives its ground and the jurist's reasons
    assert re.search({"nb": r"Klagen (er fremsatt i tide|ble sendt)", "nn": r"Klaga (er sett fram i tide|vart send)"}[lang],
                     text), text[:3000]
    if any(req["field"] == "admissibility.late_appeal" for req in review["outcome"]["requires"]):
        assert "§ 31" in text and RECORDED_TEXT[lang]["late"] in text
    assert "kom inn" not in text

    # the reasons for the outcome, as the jurist recorded them on the review, not typed again
    assert RECORDED_TEXT[lang]["outcome"] in text

    # the difference and who pays it, where changed in the claimant's favour
    pays = "Nav-kontoret skal betale deg"
    if outcome in ("omgjore", "omgjore_delvis") and review["outcome"]["direction"] == "til_gunst":
        assert pays in text
    else:
        assert pays not in text

    # each argument quoted and answered
    arguments = doc.get("appeal", {}).get("arguments") or []
    if outcome != "avvise":
        assert text.count(ANSWER[lang]) == len(arguments)
        for argument in arguments:
            assert _flat(argument)[:40] in text, argument

    # no ⚖ question printed as text
    for point in review["discretion"]:
        for key in ("topic", "topic_nn"):
            topic = str(point.get(key) or "")
            if topic.endswith("?"):
                assert _flat(topic) not in text, topic
    for phrase in ("Midlertidige tiltak", "Kommunalt selvstyre:", "Kommunalt sjølvstyre:", "prøvd fullt ut",
                   "åpenbart urimelig»?", "[Fyll inn"):
        assert phrase not in text
