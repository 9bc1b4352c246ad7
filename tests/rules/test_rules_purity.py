"""The rules are pure: importing and running them loads neither Flask, SQLAlchemy nor the database."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import sys, json
import workbench.law.pipeline, workbench.appeal.diagnosis, workbench.law.fvl_klagefrist
import workbench.formats.import_format
from workbench.formats.import_format import load_document, parse_document
from workbench.appeal.evaluation import evaluate
doc = load_document(open(sys.argv[1], "rb").read())
evaluate(parse_document(doc)).to_json()
bad = sorted(m for m in sys.modules if m.split(".")[0] in
             ("flask", "sqlalchemy", "sqlmodel", "psycopg", "alembic", "werkzeug", "flask_login")
             or m.startswith("workbench.db") or m.startswith("workbench.web") or m == "workbench.app")
print(json.dumps(bad))
"""


def test_rules_and_importing_import_nothing_from_flask_or_the_database():
    case = ROOT / "docs" / "cases" / "D10.json"
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(case)], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout
