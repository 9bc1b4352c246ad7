"""Tilsyn: «Saksbehandlingstid» — the figures Helsetilsynet asks for, per month of a year, with a chart and a CSV
export (``services/oversight.py``). Leder only (``access.OVERSEERS``). The year is ``?ar=2026``; without it the
current year, or the latest year with decisions. Counts and days only: no name, fødselsnummer or case."""

from __future__ import annotations

from flask import Blueprint, Response, abort, render_template, request

from workbench.db.session import db_session
from workbench.services import clock
from workbench.services import oversight
from workbench.web.access import OVERSEERS, roles_required
from workbench.web.helpers import current_actor
from workbench.web.oversight.chart import HEIGHT, LEFT, WIDTH, chart, percent

bp = Blueprint("oversight", __name__, url_prefix="/tilsyn")


def _year(available: list[int]) -> int:
    """The year asked for (``?ar=``): four digits, else 400; none asked: this year, or the latest with decisions."""
    asked = request.args.get("ar")
    if asked is None or asked == "":
        this_year = clock.today().year
        return this_year if this_year in available or not available else available[0]
    if not (asked.isdigit() and len(asked) == 4):
        abort(400)
    return int(asked)


@bp.get("/saksbehandlingstid")
@roles_required(OVERSEERS)
def processing_time():
    session = db_session()
    year = _year(oversight.years(session))
    rep = oversight.report(session, year, today=clock.today())
    years = sorted(set(rep.years) | {year}, reverse=True)
    return render_template("oversight/processing_time.html", report=rep, years=years, chart=chart(rep.months),
                           percent=percent, decimal_comma=oversight.decimal_comma, chart_size=(WIDTH, HEIGHT), chart_left=LEFT,
                           title=f"Saksbehandlingstid {year}")


@bp.get("/saksbehandlingstid.csv")
@roles_required(OVERSEERS)
def processing_time_csv():
    session = db_session()
    year = _year(oversight.years(session))
    data = oversight.export_csv(session, year, today=clock.today(), actor=current_actor())
    return Response(data, mimetype="text/csv", headers={
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": f'attachment; filename="saksbehandlingstid-{year}.csv"'})
