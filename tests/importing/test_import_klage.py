"""Issue 16: the klage as a document of the oversendelse. Where the vedtak holds no appeal, the appeal's date and
the claimant's arguments are read from the document classed klage and prefilled with «Fra klagen, side N,
linje M»; the stored provenance names the klage. Also the reader alone over generated klager (nb and nn)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # this folder's helpers by module name (never ``tests.…``)
from test_import_papers import form_fields, upload  # type: ignore[import-not-found]  # noqa: E402

SEED = 17  # a one-page «stans» letter in bokmål without an appeal appended


def test_the_reader_finds_the_klage_date_and_every_argument_nb_and_nn():
    import nav_letters  # type: ignore[import-not-found]
    import scoring  # type: ignore[import-not-found]

    from workbench.extract import extract_appeal, to_json

    langs = set()
    for seed in range(200, 212):
        g = nav_letters.generate_appeal(seed)
        langs.add(g.style.lang)
        result = scoring.compare({"appeal": g.truth["appeal"]},
                                 to_json(extract_appeal(g.pdf, g.truth["decision"]["date"]).facts))
        assert result["wrong"] == result["invented"] == result["missing"] == [], (seed, result)
    assert langs == {"nb", "nn"}


def test_a_klage_dated_before_the_decision_gives_no_date():
    import nav_letters

    from workbench.extract import extract_appeal

    g = nav_letters.generate_appeal(201)
    facts = extract_appeal(g.pdf, decided="2099-01-01").facts
    assert "sent" not in facts["appeal"] and facts["appeal"]["arguments"]


@pytest.fixture(scope="module")
def papers():
    import nav_letters

    letter, klage = nav_letters.generate(SEED), nav_letters.generate_appeal(SEED)
    assert "appeal" not in letter.truth
    return letter, klage


def test_the_form_takes_the_appeal_from_the_klage_and_the_provenance_names_it(app, client_as, serve_embete, papers):
    from workbench.db.session import session_for
    from workbench.services import case_documents
    from workbench.services import cases as case_service

    letter, klage = papers
    serve_embete(letter.truth)
    c = client_as("saksbehandler")
    r = upload(c, (letter.pdf, "vedtak.pdf"), (klage.pdf, "klage.pdf"))
    assert r.status_code == 302, r.get_data(as_text=True)[:2000]
    html = c.get(r.headers["Location"]).get_data(as_text=True)
    fields = form_fields(html)
    sent = klage.truth["appeal"]["sent"]
    assert fields["appeal.sent"] == f"{sent[8:10]}.{sent[5:7]}.{sent[0:4]}"
    arguments = klage.truth["appeal"]["arguments"]
    assert [fields[f"appeal.arguments[{i}]"] for i in range(len(arguments))] == arguments
    assert re.search(r'id="f-appeal-sent-hint">.*Fra klagen, side 1, linje \d+', html)
    assert re.search(r'id="f-nav-office-name-hint">.*Fra vedtaket, side 1, linje 1', html)

    fields.update({"appeal.received": fields["appeal.sent"], "appeal.by": "part", "appeal.statsforvalteren_received":
                   fields["appeal.sent"], "confirmed": "ja"})
    done = c.post(r.headers["Location"], data=fields)
    assert done.status_code == 302, re.findall(r'class="error-message"[^>]*>([^<]+)', done.get_data(as_text=True))
    with session_for(app) as s:
        case = case_service.get_case(s, done.headers["Location"].rstrip("/").rsplit("/", 1)[-1])
        docs = {d.doc_class: d.public_id for d in case_documents.documents_for_case(s, case.id)}
        stored = case_documents.provenance_for_case(s, case.id).fields
    assert stored["appeal.sent"]["source"] == "extracted" and stored["appeal.sent"]["document"] == docs["klage"]
    assert stored["appeal.arguments[0]"]["document"] == docs["klage"]
    assert stored["nav_office.name"]["document"] == docs["vedtak"]
