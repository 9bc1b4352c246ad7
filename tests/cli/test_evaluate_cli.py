"""``workbench evaluate FILE.json [--json]``: exit 0 evaluated, 2 invalid input (field named), 1 other."""

from __future__ import annotations

import copy
import json
from decimal import Decimal

import pytest

from cli_support import CASES, run_many  # type: ignore[import-not-found]

NAMES = sorted(p.stem for p in CASES.glob("*.json"))


@pytest.fixture(scope="module")
def case_runs():
    return run_many({n: (CASES / f"{n}.json", ("--json",)) for n in NAMES})


@pytest.mark.parametrize("name", NAMES)
def test_every_case_gives_the_expected_periods_nets_and_flags(case_runs, name):
    res = case_runs[name]
    assert res.returncode == 0, res.stderr
    got = json.loads(res.stdout)
    exp = json.loads((CASES / "expected" / f"{name}.json").read_text())
    for gp, ep in zip(got["periods"], exp["periods"], strict=True):
        assert (gp["from"], gp["to"]) == (ep["from"], ep["to"])
        for key in ("net", "nav_net", "difference"):
            assert Decimal(gp[key]) == Decimal(ep[key])
    assert Decimal(got["total"]["difference"]) == Decimal(exp["total"]["difference"])
    assert set(exp["flags"]) <= set(got["flags"])


def test_readable_norwegian_summary_by_default(cli):
    res = cli(CASES / "D06.json")
    assert res.returncode == 0
    assert "Netto kr 6 797" in res.stdout and "06.10.2025–19.10.2025" in res.stdout
    assert "sosialtjenesteloven § 37" in res.stdout


def _set(path, value):
    def mutate(d):
        obj = d
        *parts, last = path
        for p in parts:
            obj = obj[p]
        if value is KeyError:
            del obj[last]
        else:
            obj[last] = value
    return mutate


INVALID = [
    ("net as a list (wrong type)", _set(["payments", 0, "net"], [1]), "payments[0].net"),
    ("amount with a comma", _set(["payments", 0, "net"], "5328,00"), "payments[0].net"),
    ("missing net", _set(["payments", 0, "net"], KeyError), "payments[0].net"),
    ("net with three decimals", _set(["payments", 0, "gross"], "11327.565"), "payments[0].gross"),
    ("unknown top-level key", _set(["barn"], []), "barn"),
    ("unknown key in a payment", _set(["payments", 0, "brutto"], "1"), "payments[0].brutto"),
    ("payment from > to", _set(["payments", 0, "from"], "2025-10-20"), "payments[0].to"),
    ("programme from > to", _set(["programme", "to"], "2025-01-01"), "programme.to"),
    ("31 February", _set(["decision", "date"], "2025-02-31"), "decision.date"),
    ("bad fnr checksum", _set(["participant", "fnr"], "15507600334"), "participant.fnr"),
    ("fnr against birth_date", _set(["participant", "birth_date"], "1976-10-14"), "participant.birth_date"),
    ("samhandler number", _set(["participant", "fnr"], "80000000000"), "participant.fnr"),
    ("negative work hours", _set(["work", 0, "hours"], -30), "work[0].hours"),
    ("hours as text", _set(["work", 0, "hours"], "30"), "work[0].hours"),
    ("work kind with ø", _set(["work", 0, "kind"], "omsorgsstønad"), "work[0].kind"),
    ("decision kind unknown", _set(["decision", "kind"], "vedtak"), "decision.kind"),
    ("appeal by unknown", _set(["appeal", "by"], "mor"), "appeal.by"),
    ("no arguments", _set(["appeal", "arguments"], []), "appeal.arguments"),
    ("missing appeal.sent", _set(["appeal", "sent"], KeyError), "appeal.sent"),
    ("wrong format version", _set(["format"], "klagebenk.nav-vedtak/9"), "format"),
    ("children not a list", _set(["children"], "tre"), "children"),
    ("absence valid as text", _set(["absence"], [{"date": "2025-10-08", "hours": 2, "valid": "nei"}]),
     "absence[0].valid"),
    ("benefit kind unknown", _set(["benefits"], [{"kind": "lonn", "from": "2025-10-06", "to": "2025-10-07",
                                                 "daily_amount": "1"}]), "benefits[0].kind"),
    ("deduction kind unknown", _set(["payments", 0, "deductions", 0, "kind"], "skatt"),
     "payments[0].deductions[0].kind"),
    ("date in Norwegian form", _set(["appeal", "sent"], "05.11.2025"), "appeal.sent"),
]


@pytest.fixture(scope="module")
def invalid_runs(tmp_path_factory):
    demo = json.loads((CASES / "demo-omsorgsstonad.json").read_text(encoding="utf-8"))
    jobs = {}
    for i, (title, mutate, _) in enumerate(INVALID):
        doc = copy.deepcopy(demo)
        mutate(doc)
        path = tmp_path_factory.mktemp("invalid") / f"case{i}.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        jobs[title] = (path, ())
    return run_many(jobs)


@pytest.mark.parametrize("title,mutate,field", INVALID, ids=[t for t, _, _ in INVALID])
def test_invalid_input_exits_2_and_names_the_field(invalid_runs, title, mutate, field):
    res = invalid_runs[title]
    assert res.returncode == 2, (res.stdout, res.stderr)
    assert any(line.startswith(f"{field}: ") for line in res.stderr.splitlines()), res.stderr
    assert res.stdout == ""  # no partial result


def test_invalid_json_exits_2(cli, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": ', encoding="utf-8")
    res = cli(bad)
    assert res.returncode == 2 and res.stderr.startswith("$: ")


def test_every_error_is_on_stderr(cli, demo_doc):
    doc = copy.deepcopy(demo_doc)
    doc["payments"][0]["net"] = "x"
    doc["decision"]["date"] = "2025-02-30"
    res = cli(doc)
    assert res.returncode == 2
    assert {line.split(":")[0] for line in res.stderr.splitlines()} >= {"payments[0].net", "decision.date"}


def test_a_period_after_the_last_known_g_exits_0_with_parameter_missing(cli, demo_doc):
    doc = copy.deepcopy(demo_doc)
    doc["programme"] = {"from": "2026-06-01", "to": "2027-06-30"}
    doc["children"] = []
    doc["work"] = []
    doc["payments"] = [{"from": "2027-04-19", "to": "2027-05-02", "net": "10000"},
                       {"from": "2027-05-03", "to": "2027-05-16", "net": "10000"}]
    res = cli(doc, "--json")
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert "parameter-missing" in out["flags"]
    assert out["periods"][0]["net"] is not None
    assert out["periods"][1]["net"] is None
    assert out["periods"][1]["missing_parameters"][0]["parameter"] == "G"
    res = cli(doc)
    assert res.returncode == 0 and "IKKE BEREGNET" in res.stdout


def test_missing_file_exits_1(cli, tmp_path):
    assert cli(tmp_path / "nope.json").returncode == 1
