"""The page and the CSV (issue 17): leder only, Norwegian numbers, an accessible chart, no personal data, the
export audited."""

from __future__ import annotations

import csv
import io

import pytest

from oversight_seed import TODAY


@pytest.fixture
def leder(client_as, pin_today):
    pin_today(TODAY.isoformat())
    return client_as("leder")


@pytest.mark.parametrize("role", ["saksbehandler", "arkivar", "admin"])
def test_only_the_leder_sees_the_figures(client_as, role):
    client = client_as(role)
    assert client.get("/tilsyn/saksbehandlingstid").status_code == 403
    assert client.get("/tilsyn/saksbehandlingstid.csv").status_code == 403
    assert "Saksbehandlingstid" not in client.get("/").get_data(as_text=True) or role == "leder"


def test_anonymous_goes_to_the_login_page(client):
    response = client.get("/tilsyn/saksbehandlingstid")
    assert response.status_code == 302 and response.location.startswith("/auth/login")


def test_the_page_shows_the_year_with_norwegian_numbers_and_an_accessible_chart(seeded, db, leder):
    from workbench.services import oversight

    rep = oversight.report(db, 2026, today=TODAY)
    response = leder.get("/tilsyn/saksbehandlingstid?ar=2026")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert '<svg' in html and 'role="img"' in html and '<title id="chart-title">' in html and "<desc" in html
    assert 'aria-labelledby="chart-title chart-desc"' in html
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    share = rep.total.share_within * 100
    assert f"{oversight.decimal_comma(share)} %" in html and "," in oversight.decimal_comma(share)
    assert f"{oversight.decimal_comma(rep.total.median_days)} dager" in html
    assert "<th scope=\"row\">januar</th>" in html and "Hele 2026" in html and "Over 3 måneder" in html
    assert "Kari Testesen" not in html and "Ola Venter" not in html  # no personal data
    assert 'href="/tilsyn/saksbehandlingstid"' in html  # the leder's menu
    # the year filter lists the years with decisions
    assert '<option value="2025"' in html and '<option value="2026" selected' in html


def test_the_year_defaults_to_this_year_and_a_bad_year_is_refused(seeded, leder):
    assert "Saksbehandlingstid 2026" in leder.get("/tilsyn/saksbehandlingstid").get_data(as_text=True)
    assert leder.get("/tilsyn/saksbehandlingstid?ar=tjue").status_code == 400


def test_the_csv_parses_with_semicolons_and_decimal_commas_and_is_audited(seeded, db, leder):
    from sqlmodel import select

    from workbench.db.models import AuditEvent
    from workbench.services import oversight

    response = leder.get("/tilsyn/saksbehandlingstid.csv?ar=2026")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    assert "saksbehandlingstid-2026.csv" in response.headers["Content-Disposition"]
    data = response.get_data()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == list(oversight.CSV_COLUMNS)
    assert len(rows) == 1 + 12 + 1 and rows[-1][1] == "Hele året"
    rep = oversight.report(db, 2026, today=TODAY)
    by_header = dict(zip(rows[0], rows[-1]))
    assert int(by_header["Avgjorte saker"]) == rep.total.decided
    assert int(by_header["Avgjort innen 3 måneder"]) == rep.total.within_target
    share = by_header["Andel innen 3 måneder (%)"]
    assert "," in share and "." not in share
    assert float(share.replace(",", ".")) == pytest.approx(float(rep.total.share_within * 100), abs=0.05)
    assert float(by_header["Median saksbehandlingstid (dager)"].replace(",", ".")) == pytest.approx(
        float(rep.total.median_days), abs=0.05)
    for row in rows[1:]:
        assert len(row) == len(oversight.CSV_COLUMNS)
    assert "Kari" not in data.decode("utf-8-sig")
    events = db.exec(select(AuditEvent).where(AuditEvent.action == "oversight.exported")).all()
    assert len(events) == 1 and events[0].user_id == leder.user.id and "2026" in (events[0].detail or "")
