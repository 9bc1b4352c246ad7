"""Scale benchmark (issue 15): N synthetic cases seeded in bulk, then the lists and the archive search timed one
request at a time, in-process. Prints figures, asserts nothing.

    .venv/bin/python benchmarks/scale.py [--n 1000,10000,100000] [--db sqlite|postgres|both] [--repeat 20] [--keep]

Method, per database (a temporary SQLite file, or a throwaway database on postgres@127.0.0.1:5432, trust auth,
PGHOST/PGPORT/PGUSER override; PostgreSQL is skipped, with a message, when it cannot be reached):

1. ``workbench db upgrade`` migrates it. Users are made through ``users.create_user``: eight saksbehandlere,
   a leder and an arkivar.
2. Seeding, in bulk, straight to the database (``executemany`` of 1 000 cases at a time on the driver's own
   connection, one transaction per batch — not the import service, which costs a second a case): up to each N
   in turn, the cases added on top of the previous N's. 85 % finished (ferdigstilt 60 : arkivert 40), the
   rest open (mottatt, under behandling, til godkjenning), each with realistic rows:
   ``cases``; ``imported_decisions`` (a worked case of docs/cases/*.json with the claimant's name, birth date,
   synthetic fødselsnummer, Nav's reference, office and dates varied; raw and parsed); ``evaluations`` (the
   rules engine's real JSON for that worked case, about 14 KB); ``case_reviews`` (``Recorded`` with a
   chosen outcome) and ``letters`` (finished: one real final PDF/A of D06, rendered once by the letter
   pipeline and its bytes reused for every row, with its SHA-256; til godkjenning: the letter without a PDF);
   ``audit_events`` (imported, reviewed, frozen, status, archived: 1–5 a case); and one ``archive_search`` row
   per finished case, built as ``archive_search.entry_for`` builds it — the same ``tokens`` of the name,
   Nav's reference and office, the outcome's label plus the words of the letter's extracted text (extracted
   once), «Vår referanse» and the fødselsnummer. Names: Norwegian first, middle and last names with æ, ø and
   å; Nav references unique; 50 Nav offices; received dates over two years (the open cases in the last four
   months); open cases two thirds assigned to the saksbehandlere, some «på vent». PostgreSQL is then
   ``VACUUM ANALYZE``d (what autovacuum does after a bulk load); SQLite is left as the app leaves it.
3. Measuring, in this process, with Flask's test client on an app made as the tests make it (test mode, CSRF
   off), logged in as a saksbehandler with open cases (the lists) and as an arkivar (the archive): each page
   once to warm up, then ``--repeat`` times, timed (p50 and p95, nearest rank), the response's size; then
   three more with tracemalloc on, the peak it saw during a request above what was held before it (MiB).
   «Alle saker» first and last page, «Mine saker», «Ferdigstilte saker», the archive page (GET /arkivering/,
   first and last page), and archive searches posted as the form posts them: a name part, two name parts,
   Nav's reference, an outcome, a word of the letter (in every letter: the widest hit), a fødselsnummer.
4. ``workbench archive list`` as a subprocess on the database: wall time, exit status, lines, peak RSS.

Goal (issue 15, at 100 000 cases): every page and search p95 ≤ 100 ms, response ≤ 200 KB, ≤ 50 MiB a request;
printed beside the figures.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import throwaway  # this folder is on the path of a script run from it

ROOT = Path(__file__).resolve().parents[1]
GOAL_P95_MS, GOAL_KB, GOAL_MIB = 100.0, 200.0, 50.0
BATCH = 1000
PASSWORD = "skalaprøve " + os.urandom(6).hex()  # strong enough for the password policy

FIRST = ["Kari", "Ola", "Ingrid", "Per", "Sigrid", "Lars", "Åse", "Nils", "Marte", "Jon", "Solveig", "Ørjan", "Ragnhild",
         "Knut", "Liv", "Arne", "Hilde", "Tore", "Berit", "Odd", "Bjørn", "Kåre", "Gunnhild", "Håkon", "Sølvi", "Æsa",
         "Randi", "Torbjørn", "Synnøve", "Jørgen", "Maren", "Eirik", "Tone", "Geir", "Ragnar", "Åsmund", "Siri",
         "Øystein", "Brit", "Halvard"]
MIDDLE = ["Marie", "Ødegård", "Lunde", "Sæther", "Bråten", "Kristin", "Johan", "Løvås", "Dæhli", "Åsheim"]
LAST = ["Lunde", "Ødegård", "Haugen", "Aas", "Ærø", "Olsen", "Ruud", "Bakken", "Sæther", "Bråthen", "Løken",
        "Myhre", "Strøm", "Dahl", "Berg", "Hågensen", "Kjærnes", "Solbakken", "Nordmo", "Grønli", "Hætta",
        "Brænd", "Søvik", "Fjæra", "Rødseth", "Kvåle", "Tveit", "Østby", "Vågen", "Moen", "Lie", "Ås",
        "Holmøy", "Eriksen", "Nyland", "Bø", "Sandvær", "Frøyland", "Gjærde", "Hovland", "Skjærvø",
        "Tørresen", "Ulvåg", "Årdal", "Øverland", "Bjørnstad", "Næss", "Ringsæter", "Stølen", "Vestø"]
OFFICES = [f"Nav {p}" for p in (
    "Molde", "Tromsø", "Stavanger", "Grünerløkka", "Trondheim", "Kristiansand", "Drammen", "Bodø", "Fredrikstad",
    "Lillestrøm", "Moss", "Bergenhus", "Ålesund", "Bærum", "Asker", "Sandnes", "Haugesund", "Skien", "Porsgrunn",
    "Sarpsborg", "Hamar", "Lillehammer", "Gjøvik", "Kongsberg", "Tønsberg", "Sandefjord", "Larvik", "Arendal",
    "Grimstad", "Mandal", "Flekkefjord", "Egersund", "Førde", "Florø", "Sogndal", "Voss", "Åsane", "Fana",
    "Kristiansund", "Steinkjer", "Namsos", "Mo i Rana", "Mosjøen", "Narvik", "Harstad", "Alta", "Hammerfest",
    "Vadsø", "Kirkenes", "Øst-Finnmark")]
OUTCOMES = [("stadfeste", 55), ("omgjore", 15), ("omgjore_delvis", 10), ("oppheve", 10), ("avvise", 10)]
OPEN_STATUSES = [("mottatt", 40), ("under_behandling", 45), ("til_godkjenning", 15)]
BLOCK_TEXT = ("<p>Statsforvalteren har vurdert klagen og sakens dokumenter. Etter lov om sosiale tjenester i "
              "arbeids- og velferdsforvaltningen § 35 skal kvalifiseringsstønaden utgjøre to ganger grunnbeløpet "
              "på årsbasis, og stønaden skal samordnes med andre ytelser. Nav-kontoret har lagt feil beløp til "
              "grunn for enkelte måneder; beregningen er derfor gjort på nytt i vedlegget.</p>") * 3


# --- the one letter and the worked cases ---------------------------------------------------------------------

def make_letter() -> tuple[bytes, str]:
    """One final (not draft) PDF/A decision letter for D06 through the letter pipeline, and its text as
    ``archive_search.entry_for`` would extract it."""
    from workbench.appeal.outcome import suggest_outcome
    from workbench.config import office_from_config, office_settings
    from workbench.formats.evaluation_json import read_evaluation
    from workbench.formats.import_format import load_document, parse_document
    from workbench.letters.model import LetterInput, Signers, build_letter
    from workbench.letters.pdfa import extract_text
    from workbench.letters.render import render_pdf
    from workbench.services.evaluation import evaluate_document

    doc = load_document((ROOT / "docs" / "cases" / "D06.json").read_bytes())
    decision = parse_document(doc)
    evaluation = read_evaluation(evaluate_document(doc))
    today = date.today()
    outcome = suggest_outcome(decision, evaluation, today=today)["code"]
    inp = LetterInput(decision=decision, evaluation=evaluation, outcome=outcome, language="nb",
                      our_reference=f"{today.year}/4711", our_date=today,
                      signers=Signers(saksbehandler_name="Kari Nordmann", saksbehandler_phone="55 57 20 00",
                                      leader_name="Per Leder"),
                      office=office_from_config(office_settings({}, mode="demo", serving=False)), draft=False)
    pdf = render_pdf(build_letter(inp))
    return pdf, extract_text(pdf)


def worked_cases() -> list[dict]:
    """Each worked case (docs/cases/*.json) with its real evaluation JSON."""
    from workbench.services.cases import to_jsonable
    from workbench.services.evaluation import evaluate_document

    out = []
    for path in sorted((ROOT / "docs" / "cases").glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        out.append({"doc": to_jsonable(doc), "evaluation": json.dumps(evaluate_document(doc), ensure_ascii=False)})
    return out


# --- bulk seeding ---------------------------------------------------------------------------------------------

def _weighted(rng: random.Random, pairs: list[tuple[str, int]]) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


class Writer:
    """Rows to the database through the driver's own connection: ``executemany``, one transaction a batch.
    On SQLite, dates, times and booleans are written as SQLAlchemy writes them (ISO text, 0/1)."""

    def __init__(self, kind: str, url: str):
        self.kind = kind
        if kind == "sqlite":
            import sqlite3

            self.conn = sqlite3.connect(url.removeprefix("sqlite:///"))
            self.conn.execute("PRAGMA synchronous=OFF")  # a throwaway file; the app's own connections are untouched
            self.mark = "?"
        else:
            import psycopg

            self.conn = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"))
            self.conn.execute("SET synchronous_commit = off")
            self.mark = "%s"

    def value(self, v):
        if self.kind != "sqlite":
            return v
        if isinstance(v, datetime):
            return v.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
        if isinstance(v, date):
            return v.isoformat()
        if isinstance(v, bool):
            return int(v)
        return v

    def insert(self, table: str, rows: list[dict]) -> None:
        if not rows:
            return
        columns = list(rows[0])
        sql = (f"INSERT INTO {table} ({', '.join(columns)}) "
               f"VALUES ({', '.join([self.mark] * len(columns))})")
        cur = self.conn.cursor()
        cur.executemany(sql, [tuple(self.value(r[c]) for c in columns) for r in rows])
        cur.close()

    def scalar(self, sql: str):
        cur = self.conn.cursor()
        cur.execute(sql)
        value = cur.fetchone()[0]
        cur.close()
        return value

    def commit(self) -> None:
        self.conn.commit()

    def close(self) -> None:
        self.conn.close()


class Seeder:
    """Adds synthetic cases to one database; ``grow_to(n)`` seeds up to n in all."""

    def __init__(self, kind: str, url: str, letter: tuple[bytes, str], bases: list[dict], users: dict):
        from workbench.services.archive_search import OUTCOME_LABELS, tokens

        self.kind, self.url, self.bases, self.users = kind, url, bases, users
        self.pdf, text = letter
        self.pdf_sha = hashlib.sha256(self.pdf).hexdigest()
        letter_words = tokens(text)
        # entry_for: sorted(set(tokens(outcome label) + tokens(letter text)))
        self.text_tokens = {code: " ".join(sorted(set(tokens(label) + letter_words)))
                            for code, label in OUTCOME_LABELS.items()}
        self.office_tokens = {o: " ".join(tokens(o)) for o in OFFICES}
        self.rng = random.Random(15)
        self.seeded = 0
        self.finished = 0
        self.samples: dict = {}  # a finished case to search for; counts
        self._fnr: dict[date, str] = {}
        self.today = date.today()
        self.now = datetime.now(UTC)

    def fnr(self, born: date) -> str:
        from workbench.formats.import_format.identity import synthetic_number

        if born not in self._fnr:
            self._fnr[born] = synthetic_number(born)
        return self._fnr[born]

    def grow_to(self, n: int) -> float:
        """Seed cases until there are ``n``; returns the seconds it took."""
        t0 = time.perf_counter()
        w = Writer(self.kind, self.url)
        try:
            start_id = int(w.scalar("SELECT COALESCE(MAX(id), 0) FROM cases")) + 1
            while self.seeded < n:
                k = min(BATCH, n - self.seeded)
                self._batch(w, start_id, k)
                w.commit()
                start_id += k
                self.seeded += k
            if self.kind != "sqlite":
                w.scalar("SELECT setval(pg_get_serial_sequence('cases', 'id'), (SELECT MAX(id) FROM cases))")
                w.commit()
                w.conn.autocommit = True
                w.conn.execute("VACUUM ANALYZE")
        finally:
            w.close()
        return time.perf_counter() - t0

    def _batch(self, w: Writer, first_id: int, k: int) -> None:
        from workbench.appeal.outcome import Recorded
        from workbench.db.models import new_public_id
        from workbench.services.archive_search import tokens

        rng, today, sbs = self.rng, self.today, self.users["saksbehandler_ids"]
        leder = self.users["leder_id"]
        cases, imported, evaluations, reviews, letters, events, search = [], [], [], [], [], [], []
        for j in range(k):
            i = self.seeded + j  # 0-based over the whole database: references stay unique as N grows
            cid = first_id + j
            base = self.bases[i % len(self.bases)]
            finished = rng.random() < 0.85
            status = ("ferdigstilt" if rng.random() < 0.6 else "arkivert") if finished \
                else _weighted(rng, OPEN_STATUSES)
            parts = [rng.choice(FIRST)] + ([rng.choice(MIDDLE)] if rng.random() < 0.4 else []) + [rng.choice(LAST)]
            name = " ".join(parts)
            born = date(1960, 1, 1) + timedelta(days=rng.randrange(16000))
            fnr = self.fnr(born)
            received = today - timedelta(days=rng.randint(100, 730) if finished else rng.randint(0, 120))
            decided = received - timedelta(days=rng.randint(20, 60))
            reference = f"{decided.year}/{i + 1:06d}"
            office = rng.choice(OFFICES)
            created = datetime.combine(received, datetime.min.time(), UTC) + timedelta(hours=9, minutes=rng.randrange(480))
            sb = rng.choice(sbs) if finished or rng.random() < 2 / 3 else None
            waiting = not finished and status != "til_godkjenning" and rng.random() < 0.05
            cases.append({
                "id": cid, "public_id": new_public_id(), "status": status, "nav_reference": reference,
                "nav_office": office, "claimant_name": name, "decision_date": decided, "decision_kind": "utbetaling",
                "received": received, "received_from_document": True,
                "forelopig_svar_sent": received + timedelta(days=20) if finished or rng.random() < 0.5 else None,
                "saksbehandler_id": sb, "created_by_id": None, "created_at": created, "updated_at": created,
                "version": 5 if finished else 2, "language": "nn" if rng.random() < 0.1 else "nb",
                "waiting_reason": "Venter på dokumenter fra Nav-kontoret" if waiting else None,
                "waiting_until": today + timedelta(days=14) if waiting else None})
            doc = json.loads(json.dumps(base["doc"]))  # a fresh copy of the worked case, then varied
            doc["participant"].update(name=name, birth_date=born.isoformat(), fnr=fnr)
            doc["decision"].update(reference=reference, date=decided.isoformat())
            doc["nav_office"]["name"] = office
            doc.setdefault("appeal", {})["statsforvalteren_received"] = received.isoformat()
            raw = json.dumps(doc, ensure_ascii=False, indent=2)
            imported.append({"case_id": cid, "format": str(doc.get("format", "")), "source": "cli",
                             "filename": f"sak-{i + 1:06d}.json", "raw": raw,
                             "parsed": json.dumps(doc, ensure_ascii=False), "created_at": created})
            evaluations.append({"case_id": cid, "result": base["evaluation"], "error": None, "evaluated_on": received,
                                "created_at": created})
            events.append({"at": created, "user_id": None, "action": "case.imported", "case_id": cid,
                           "detail": "source=cli"})
            if not finished and status == "mottatt":
                continue
            outcome = _weighted(rng, OUTCOMES)
            worked = created + timedelta(days=rng.randint(10, 80))
            recorded = Recorded(chosen_outcome=outcome, outcome_reasons="Vurdert etter sosialtjenesteloven § 35.")
            reviews.append({"case_id": cid, "recorded": json.dumps(recorded.to_json(), ensure_ascii=False),
                            "argument_answers": json.dumps([{"index": 0, "answer": "Klageren har ikke fått medhold."}]),
                            "current_document": None, "updated_at": worked, "updated_by_id": sb})
            events.append({"at": worked, "user_id": sb, "action": "review.recorded", "case_id": cid, "detail": None})
            if status == "under_behandling":
                continue
            our_reference = f"{worked.year}/{i + 1:06d}"
            letters.append({
                "case_id": cid, "language": "nb", "status": "ferdigstilt" if finished else "til_godkjenning",
                "blocks": json.dumps({"assessment": BLOCK_TEXT, "conclusion": "<p>Klagen tas delvis til følge.</p>"},
                                     ensure_ascii=False),
                "our_reference": our_reference, "our_date": worked.date(), "pdf": self.pdf if finished else None,
                "pdf_sha256": self.pdf_sha if finished else None, "created_at": worked, "updated_at": worked,
                "finalized_at": worked if finished else None, "finalized_by_id": sb if finished else None})
            if not finished:
                continue
            events.append({"at": worked, "user_id": sb, "action": "letter.frozen", "case_id": cid, "detail": None})
            events.append({"at": worked, "user_id": leder, "action": "case.status", "case_id": cid,
                           "detail": "til_godkjenning->ferdigstilt"})
            if status == "arkivert":
                events.append({"at": worked + timedelta(days=3), "user_id": self.users["arkivar_id"],
                               "action": "archive.archived", "case_id": cid, "detail": None})
            search.append({"case_id": cid, "decision_date": decided, "finalized_at": worked, "outcome": outcome,
                           "our_reference": our_reference, "fnr": fnr, "name_tokens": " ".join(tokens(name)),
                           "reference_tokens": " ".join(tokens(reference)), "office_tokens": self.office_tokens[office],
                           "text_tokens": self.text_tokens[outcome]})
            self.finished += 1
            if "name" not in self.samples and outcome == "oppheve" and len(parts[-1]) > 4 \
                    and any(ch in name.lower() for ch in "æøå"):
                self.samples.update(name=name, last=parts[-1], first=parts[0], reference=reference, fnr=fnr)
        for table, rows in (("cases", cases), ("imported_decisions", imported), ("evaluations", evaluations),
                            ("case_reviews", reviews), ("letters", letters), ("audit_events", events),
                            ("archive_search", search)):
            w.insert(table, rows)


# --- measuring ------------------------------------------------------------------------------------------------

def _nearest_rank(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def measure(client, method: str, path: str, data: dict | None, repeat: int) -> dict:
    def once():
        t0 = time.perf_counter()
        r = client.post(path, data=data) if method == "POST" else client.get(path)
        body = r.get_data()
        return time.perf_counter() - t0, r.status_code, len(body)

    once()  # warm: the template compiled, the statement cached
    times, statuses, size = [], set(), 0
    for _ in range(repeat):
        seconds, status, size = once()
        times.append(seconds * 1000)
        statuses.add(status)
    peaks = []
    tracemalloc.start()
    try:
        for _ in range(3):
            held = tracemalloc.get_traced_memory()[0]
            tracemalloc.reset_peak()
            once()
            peaks.append((tracemalloc.get_traced_memory()[1] - held) / 2**20)
    finally:
        tracemalloc.stop()
    return {"p50": _nearest_rank(times, 50), "p95": _nearest_rank(times, 95), "kb": size / 1024,
            "mib": max(peaks), "status": ",".join(str(s) for s in sorted(statuses))}


def run_pages(app, seeder: Seeder, users: dict, repeat: int) -> list[tuple[str, dict]]:
    from sqlmodel import func, select

    from workbench.db.models import Case
    from workbench.db.session import session_for
    from workbench.services.paging import PER_PAGE

    with session_for(app) as s:
        open_n = s.exec(select(func.count()).select_from(Case).where(
            Case.status.in_(("mottatt", "under_behandling", "til_godkjenning")))).one()
    last_open = max(1, -(-open_n // PER_PAGE))
    last_archive = max(1, -(-seeder.finished // PER_PAGE))
    sb, arkivar = app.test_client(), app.test_client()
    for c, username in ((sb, users["saksbehandler"]), (arkivar, users["arkivar"])):
        r = c.post("/auth/login", data={"username": username, "password": PASSWORD})
        if r.status_code != 302:
            raise RuntimeError(f"login as {username} answered {r.status_code}")
    sample = seeder.samples
    pages = [
        ("«Alle saker», side 1", sb, "GET", "/saker/alle", None),
        (f"«Alle saker», siste side ({last_open})", sb, "GET", f"/saker/alle?side={last_open}", None),
        ("«Mine saker»", sb, "GET", "/saker/mine", None),
        ("«Ferdigstilte saker», side 1", sb, "GET", "/saker/arkiv", None),
        ("arkivet (GET), side 1", arkivar, "GET", "/arkivering/", None),
        (f"arkivet (GET), siste side ({last_archive})", arkivar, "GET", f"/arkivering/?side={last_archive}", None),
        (f"søk: navnedel «{sample['last'][:4]}»", arkivar, "POST", "/arkivering/", {"name": sample["last"][:4]}),
        (f"søk: navn «{sample['first']} {sample['last']}»", arkivar, "POST", "/arkivering/",
         {"name": f"{sample['first']} {sample['last']}"}),
        ("søk: Navs saksnummer", arkivar, "POST", "/arkivering/", {"reference": sample["reference"]}),
        ("søk: utfall «oppheve»", arkivar, "POST", "/arkivering/", {"outcome": "oppheve"}),
        ("søk: ord «kvalifiseringsstønad»", arkivar, "POST", "/arkivering/", {"words": "kvalifiseringsstønad"}),
        ("søk: fødselsnummer", arkivar, "POST", "/arkivering/", {"fnr": sample["fnr"]}),
    ]
    return [(label, measure(client, method, path, data, repeat)) for label, client, method, path, data in pages]


def archive_list(url: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("KLAGEBENK_MODE", "FLASK_DEBUG")}
    env["DATABASE_URL"] = url
    with tempfile.TemporaryFile() as out:
        t0 = time.perf_counter()
        proc = subprocess.Popen([str(Path(sys.executable).parent / "workbench"), "archive", "list"], env=env,
                                cwd=ROOT, stdout=out, stderr=subprocess.PIPE)
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read().decode("utf-8", "replace").strip() if proc.stderr else ""
        out.seek(0)
        lines = sum(1 for _ in out)
    return {"seconds": seconds, "exit": proc.returncode, "lines": lines, "rss": usage.ru_maxrss / 1024,
            "stderr": err.splitlines()[-1] if err else ""}


def _n(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def report(label: str, n: int, seeder: Seeder, seed_s: float, rows: list[tuple[str, dict]], cli: dict) -> None:
    print(f"\n{label}, N = {_n(n)} ({_n(seeder.finished)} finished; seeding up to this N took {seed_s:.0f} s)")
    print(f"  load average {' '.join(Path('/proc/loadavg').read_text().split()[:3])} ({os.cpu_count()} cores, shared)")
    print(f"  {'page':<44}{'p50 ms':>8}{'p95 ms':>8}{'KB':>8}{'MiB':>7}{'HTTP':>6}")
    over = []
    for name, r in rows:
        flag = ""
        if r["p95"] > GOAL_P95_MS or r["kb"] > GOAL_KB or r["mib"] > GOAL_MIB or r["status"] != "200":
            flag = "  ✗"
            over.append(name)
        print(f"  {name:<44}{r['p50']:>8.1f}{r['p95']:>8.1f}{r['kb']:>8.1f}{r['mib']:>7.1f}{r['status']:>6}{flag}")
    print(f"  goal: p95 ≤ {GOAL_P95_MS:.0f} ms, ≤ {GOAL_KB:.0f} KB, ≤ {GOAL_MIB:.0f} MiB, HTTP 200 → "
          + ("MET" if not over else f"MISSED by {len(over)}: {'; '.join(over)}"))
    print(f"  workbench archive list: exit {cli['exit']}, {_n(cli['lines'])} lines, {cli['seconds']:.1f} s wall, "
          f"peak RSS {cli['rss']:.0f} MiB" + (f" — {cli['stderr']}" if cli["exit"] else ""))


# --- per database ---------------------------------------------------------------------------------------------

def run(kind: str, sizes: list[int], repeat: int, letter, bases, *, keep: bool = False) -> None:
    from workbench.app import create_app
    from workbench.db.session import engine_for, session_for
    from workbench.services import users as user_service

    work = Path(tempfile.mkdtemp(prefix=f"klagebenk-scale-{kind}-"))
    app = None
    try:
        with throwaway.database(kind, work, prefix="klagebenk_scale", keep=keep) as url:
            if url is None:
                return
            env = {**{k: v for k, v in os.environ.items() if k != "KLAGEBENK_MODE"}, "DATABASE_URL": url}
            subprocess.run([str(Path(sys.executable).parent / "workbench"), "db", "upgrade"], env=env, check=True,
                           cwd=ROOT, stdout=subprocess.DEVNULL, timeout=300)
            app = create_app({"KLAGEBENK_MODE": "test", "DATABASE_URL": url, "SECRET_KEY": os.urandom(32).hex(),
                              "WTF_CSRF_ENABLED": False, "SESSION_COOKIE_SECURE": False})
            with session_for(app) as s:
                sbs = [user_service.create_user(s, f"sb{k:02d}", PASSWORD, "saksbehandler",
                                                display_name=f"Saksbehandler {k:02d} Skalaprøve") for k in range(1, 9)]
                leder = user_service.create_user(s, "leder01", PASSWORD, "leder", display_name="Leder Skalaprøve")
                arkivar = user_service.create_user(s, "arkivar01", PASSWORD, "arkivar",
                                                   display_name="Arkivar Skalaprøve")
                users = {"saksbehandler_ids": [u.id for u in sbs], "leder_id": leder.id, "arkivar_id": arkivar.id,
                         "saksbehandler": sbs[0].username, "arkivar": arkivar.username}
            seeder = Seeder(kind, url, letter, bases, users)
            label = "SQLite" if kind == "sqlite" else "PostgreSQL"
            try:
                for n in sizes:
                    seconds = seeder.grow_to(n)
                    print(f"{label}: seeded up to {_n(n)} cases in {seconds:.1f} s", flush=True)
                    engine_for(app).dispose()  # fresh connections see the new statistics
                    rows = run_pages(app, seeder, users, repeat)
                    report(label, n, seeder, seconds, rows, archive_list(url))
            finally:
                engine_for(app).dispose()  # before the database is dropped
    finally:
        if not (keep and kind == "sqlite"):
            shutil.rmtree(work, ignore_errors=True)  # a kept PostgreSQL database is on the server


def main() -> int:
    import signal

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", default="1000,10000", help="case counts, comma-separated, ascending (e.g. 1000,10000,100000)")
    ap.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    ap.add_argument("--repeat", type=int, default=20, help="timed requests per page")
    ap.add_argument("--keep", action="store_true", help="keep the seeded databases (for EXPLAIN) and print where")
    args = ap.parse_args()
    sizes = sorted({int(x.replace("_", "")) for x in args.n.split(",") if x.strip()})
    # SIGTERM unwinds like Ctrl-C: the finally blocks drop the database and remove the folder
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    t0 = time.perf_counter()
    letter = make_letter()
    bases = worked_cases()
    print(f"one final letter: {len(letter[0]) / 1024:.1f} KB PDF/A, {len(letter[1])} characters of text; "
          f"{len(bases)} worked cases evaluated ({time.perf_counter() - t0:.1f} s)")
    for kind in (["sqlite", "postgres"] if args.db == "both" else [args.db]):
        run(kind, sizes, args.repeat, letter, bases, keep=args.keep)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
