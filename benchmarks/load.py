"""Load benchmark: Klagebenk under gunicorn, 20 simulated jurists, SQLite and PostgreSQL. Prints figures,
asserts nothing.

    grep -v '^-e ' constraints.txt > .venv/constraints.pip       # locust, pinned (the `bench` extra)
    .venv/bin/pip install -c .venv/constraints.pip -e '.[bench]'
    .venv/bin/python benchmarks/load.py [--users 20] [--seconds 60] [--cases 1000] [--db sqlite|postgres|both]
                                        [--think 1,3] [--spawn-rate 5] [--rev REV] [--keep-samples PREFIX]

``--rev REV`` benchmarks a git revision instead of the working tree (``git archive`` into a temporary folder,
put first on the path of the seeding, the migration and gunicorn; the venv's packages are used as they are).

Method, per database:
1. A temporary folder and, for PostgreSQL, a throwaway database on postgres@127.0.0.1:5432 (trust auth;
   PGHOST/PGPORT/PGUSER override). PostgreSQL is skipped, with a message, when it cannot be reached.
2. The environment of README «Running in production»: KLAGEBENK_MODE unset (production), a strong random
   SECRET_KEY and KLAGEBENK_ARCHIVE_KEY, the KLAGEBENK_OFFICE_* settings, no FLASK_DEBUG — except
   SESSION_COOKIE_SECURE=0, since the benchmark talks plain HTTP on the loopback (behind the real HTTPS
   proxy the cookie is Secure). `workbench db upgrade` migrates.
3. Seeding, through the real import path (``workbench.services.cases.import_document``, what
   ``workbench import`` calls: validation, the rules engine, the stored evaluation, the audit event):
   the worked cases in docs/cases/*.json, varied into ``--cases`` distinct cases — Nav's reference, the
   claimant's name, the birth date (within its month, so the rules see the same age) with a matching
   synthetic fødselsnummer (``identity.synthetic_number``: valid check digits), the day the decision
   reached the claimant (0–2 days later, so the klagefrist varies) and the day the case reached
   Statsforvalteren (spread over the last 120 days, so the list's deadline flags vary). One saksbehandler
   per simulated jurist (``users.create_user``, a strong password: login throttling counts per account),
   the cases assigned to them in turn.
4. ``workbench serve`` — gunicorn with gunicorn.conf.py (gthread, 2 × cores + 1 workers, 4 threads,
   workers recycled after ~500 requests) — bound to 127.0.0.1 on a free port, access log to a file.
5. locust, headless, as a separate process (its gevent must not patch this one): ``--users`` jurists
   spawned ``--spawn-rate`` a second, each logging in once (GET the form for the CSRF token, POST the
   password) and then, for ``--seconds``, working case after case, thinking ``--think`` seconds (uniform)
   between clicks: in one visit of four the list «Alle saker» first, then a random case's page, its
   review page (/saker/<id>/vurdering), its letter page (/saker/<id>/vedtak: the editor with the letter
   preview rendered into it; the first visit of a case creates its draft letter) and the live preview the
   page's script asks for while the jurist types (POST /saker/<id>/vedtak/forhandsvis, X-Preview: 1,
   the form's fields with a sentence added). Redirects are not followed: anything but 200 (302 for the
   login) is an error, so a lost session cannot pass as a page.
6. Every request's time, as locust measured it, is written to a file when locust stops; this script
   computes req/s (requests ÷ the run's seconds), p50/p95/p99 (nearest rank) and errors per page and
   over the pages (the login, a deliberately slow password hash, is shown apart and not in «overall»),
   and «overall after N s»: the pages asked for once every jurist has logged in, plus 5 s (the ramp —
   20 argon2 hashes and each worker's first render of each template — left out). The CPU seconds gunicorn
   (master and workers, recycled ones included) and locust used during the run are printed beside, and
   the load average before and after: on a shared machine it is part of the figure, and locust runs on
   the same cores as the server. Then gunicorn is stopped (SIGTERM), the throwaway database dropped and the folder removed — also on
   an error, Ctrl-C or SIGTERM.

Goal (issue 14): p95 ≤ 150 ms and 0 errors, printed beside the figures.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import time
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL_P95_MS = 150.0
PAGES = ["Alle saker", "sak", "vurdering", "vedtak (med forhåndsvisning)", "forhåndsvisning (live)"]
LOGIN = "innlogging"
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


class _LetterForm(HTMLParser):
    """The fields of the letter page's form#letter-form, as a browser's FormData would send them."""

    def __init__(self):
        super().__init__()
        self.fields: list[tuple[str, str]] = []
        self._inside = False
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._inside = a.get("id") == "letter-form"
        elif self._inside and tag == "input" and a.get("name"):
            if a.get("type") not in ("radio", "checkbox") or "checked" in a:
                self.fields.append((a["name"], a.get("value") or ""))
        elif self._inside and tag == "textarea" and a.get("name"):
            self._textarea, self._text = a["name"], []

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea:
            self.fields.append((self._textarea, "".join(self._text)))
            self._textarea = None
        elif tag == "form":
            self._inside = False


# --- the locustfile: what locust imports (``locust -f benchmarks/load.py``) ------------------------------

if __name__ != "__main__":
    from locust import HttpUser, between, constant, events, task

    _PLAN = json.loads(Path(os.environ["KLAGEBENK_LOAD_PLAN"]).read_text()) if "KLAGEBENK_LOAD_PLAN" in os.environ else None
    _accounts = itertools.count()
    _samples: list[tuple[str, float, int, float, str]] = []  # (page, ms, ok, seconds since the start, error)
    _t0 = time.monotonic()

    @events.request.add_listener
    def _record(request_type, name, response_time, response_length, exception=None, **_kw):
        _samples.append((name, response_time, 0 if exception else 1, time.monotonic() - _t0,
                         str(exception)[:120] if exception else ""))

    @events.quitting.add_listener
    def _dump(environment, **_kw):
        if _PLAN:
            Path(_PLAN["samples"]).write_text(json.dumps(_samples))

    def _wait():
        if not _PLAN or _PLAN["think"][1] <= 0:
            return constant(0)
        return between(*_PLAN["think"])

    class Jurist(HttpUser):
        """A saksbehandler: logs in once, then works case after case."""

        wait_time = _wait()

        def on_start(self):
            self.rng = random.Random()
            account = _PLAN["accounts"][next(_accounts) % len(_PLAN["accounts"])]
            page = self.client.get("/auth/login", name=LOGIN + " (skjema)")
            token = CSRF.search(page.text)
            with self.client.post("/auth/login", name=LOGIN, allow_redirects=False, catch_response=True,
                                  data={"csrf_token": token.group(1) if token else "",
                                        "username": account, "password": _PLAN["password"]}) as r:
                if r.status_code != 302:
                    r.failure(f"login answered {r.status_code}")

        def _get(self, path: str, name: str) -> str | None:
            with self.client.get(path, name=name, allow_redirects=False, catch_response=True) as r:
                if r.status_code != 200:
                    r.failure(f"{r.status_code} {r.headers.get('Location', '')}".strip())
                    return None
                return r.text

        @task
        def work_on_a_case(self):
            if self.rng.random() < 0.25:
                self._get("/saker/alle", "Alle saker")
                self.wait()
            case = self.rng.choice(_PLAN["cases"])
            self._get(f"/saker/{case}", "sak")
            self.wait()
            self._get(f"/saker/{case}/vurdering", "vurdering")
            self.wait()
            html = self._get(f"/saker/{case}/vedtak", "vedtak (med forhåndsvisning)")
            if html is None:
                return
            self.wait()
            form = _LetterForm()
            form.feed(html)
            fields = [(k, v + " Klagen tas ikke til følge." if k == "block_conclusion" else v) for k, v in form.fields]
            with self.client.post(f"/saker/{case}/vedtak/forhandsvis", name="forhåndsvisning (live)", data=fields,
                                  headers={"X-Preview": "1"}, allow_redirects=False, catch_response=True) as r:
                if r.status_code != 200:
                    r.failure(str(r.status_code))


# --- the benchmark: seed, serve, load, report, clean up --------------------------------------------------

def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def _production_env(database_url: str, work: Path) -> dict[str, str]:
    import secrets

    env = {k: v for k, v in os.environ.items()
           if k not in ("KLAGEBENK_MODE", "FLASK_DEBUG", "FLASK_ENV", "SESSION_COOKIE_SECURE")}
    env.update({
        "DATABASE_URL": database_url,
        "SECRET_KEY": secrets.token_hex(32),
        "KLAGEBENK_ARCHIVE_KEY": secrets.token_hex(32),
        "KLAGEBENK_OFFICE_NAME_NB": "Statsforvalteren i Vestland",
        "KLAGEBENK_OFFICE_NAME_NN": "Statsforvaltaren i Vestland",
        "KLAGEBENK_OFFICE_POSTAL_ADDRESS": "Postboks 7310, 5020 Bergen",
        "KLAGEBENK_OFFICE_VISITING_ADDRESS": "Statens hus, Kaigaten 9, Bergen",
        "KLAGEBENK_OFFICE_PHONE": "55 57 20 00",
        "KLAGEBENK_OFFICE_ORG_NO": "974760665",
        "KLAGEBENK_OFFICE_EMAIL": "sfvlpost@statsforvalteren.no",
        "SESSION_COOKIE_SECURE": "0",  # plain HTTP on the loopback; behind the HTTPS proxy it is on
        "KLAGEBENK_ACCESS_LOG": str(work / "access.log"),
    })
    return env


FIRST = ["Kari", "Ola", "Ingrid", "Per", "Sigrid", "Lars", "Astrid", "Nils", "Marte", "Jon", "Solveig", "Erik",
         "Ragnhild", "Knut", "Liv", "Arne", "Hilde", "Tore", "Berit", "Odd"]
LAST = ["Prøvesen", "Testesen", "Eksempel", "Lastberg", "Benkvik", "Målestad", "Kjøreng", "Simuldal", "Belastnes",
        "Fiktivsen", "Oppdiktet", "Syntetstad", "Modellvik", "Utprøv", "Stikkprøve", "Gjennomsnitt", "Persentil",
        "Medianfjord", "Spredning", "Variansen", "Hvilested", "Kvartil", "Tusenvik", "Hundremo", "Tallberg"]


def _cases(n: int, src: Path):
    """``n`` distinct import documents (bytes) from the worked cases, varied as the docstring says."""
    from datetime import date, timedelta

    from workbench.formats.import_format.identity import synthetic_number

    bases = [json.loads(p.read_text()) for p in sorted((src / "docs" / "cases").glob("*.json"))]
    today = date.today()
    for i in range(n):
        doc = json.loads(json.dumps(bases[i % len(bases)]))
        year = doc["decision"]["date"][:4]
        doc["decision"]["reference"] = f"{year}/{9000 + i}"
        doc["participant"]["name"] = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]} Nr{i}"
        born = date.fromisoformat(doc["participant"]["birth_date"])
        born = born.replace(day=1 + (born.day - 1 + 3 * (i // len(bases))) % 28)
        doc["participant"]["birth_date"] = born.isoformat()
        doc["participant"]["fnr"] = synthetic_number(born)
        if doc["decision"].get("notice_received"):
            notice = date.fromisoformat(doc["decision"]["notice_received"]) + timedelta(days=i % 3)
            doc["decision"]["notice_received"] = notice.isoformat()
        doc.setdefault("appeal", {})["statsforvalteren_received"] = (today - timedelta(days=(i * 37) % 120)).isoformat()
        yield f"last-{i:04d}.json", json.dumps(doc, ensure_ascii=False).encode("utf-8")


def _seed(env: dict[str, str], n_cases: int, n_users: int, password: str, src: Path) -> dict:
    """Users and cases through the services, in this process, with the server's environment."""

    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        from sqlalchemy import func
        from sqlmodel import select

        from workbench.app import create_app
        from workbench.db.models import Evaluation
        from workbench.db.session import engine_for, session_for
        from workbench.services import audit, users
        from workbench.services import cases as case_service

        app = create_app()
        t0 = time.perf_counter()
        with session_for(app) as s:
            accounts = [users.create_user(s, f"jurist{k:02d}", password, "saksbehandler",
                                          display_name=f"Jurist {k:02d} Lastprøve") for k in range(1, n_users + 1)]
            s.commit()
            ids = []
            for i, (filename, data) in enumerate(_cases(n_cases, src)):
                case = case_service.import_document(s, data, origin="cli", actor=audit.Actor.cli(),
                                                    filename=filename, assign_to=accounts[i % len(accounts)])
                ids.append(case.public_id)
            failed = s.exec(select(func.count()).select_from(Evaluation).where(Evaluation.error.is_not(None))).one()
        engine_for(app).dispose()
        return {"accounts": [u.username for u in accounts], "cases": ids, "seconds": time.perf_counter() - t0,
                "evaluation_failed": failed}
    finally:
        os.environ.clear()
        os.environ.update(saved)


def _percentile(sorted_ms: list[float], p: float) -> float:
    if not sorted_ms:
        return float("nan")
    import math

    return sorted_ms[max(0, math.ceil(p / 100 * len(sorted_ms)) - 1)]


def _stats(samples: list, seconds: float) -> dict:
    ms = sorted(s[1] for s in samples)
    return {"n": len(ms), "rps": len(ms) / seconds, "p50": _percentile(ms, 50), "p95": _percentile(ms, 95),
            "p99": _percentile(ms, 99), "max": ms[-1] if ms else float("nan"),
            "errors": sum(1 for s in samples if not s[2])}


def _report(label: str, samples: list, seconds: float, meta: dict) -> dict:
    rows = {name: _stats([s for s in samples if s[0] == name], seconds) for name in PAGES}
    pages = [s for s in samples if s[0] in PAGES]
    rows["overall (pages)"] = _stats(pages, seconds)
    # after the ramp: every jurist logged in, the workers warm (the login's hashes and first renders behind)
    logins = [s for s in samples if s[0] == LOGIN]
    ramp = max((s[3] for s in logins), default=0.0) + 5
    rows[f"overall after {ramp:.0f} s"] = _stats([s for s in pages if s[3] - s[1] / 1000 >= ramp], max(1.0, seconds - ramp))
    rows[LOGIN] = _stats([s for s in samples if s[0] not in PAGES], seconds)  # the form, the password, anything else
    print(f"\n{label}: {meta['cases']} cases, {meta['users']} jurists, {seconds:.0f} s, think {meta['think']} s, "
          f"gunicorn {meta['workers']}")
    print(f"  load average before {meta['load_before']}, after {meta['load_after']}  ({os.cpu_count()} cores, shared)")
    print(f"  {'page':<30}{'requests':>9}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}{'errors':>8}")
    for name, r in rows.items():
        if name == LOGIN:
            print("  " + "-" * 91)
        print(f"  {name:<30}{r['n']:>9}{r['rps']:>8.1f}{r['p50']:>9.0f}{r['p95']:>9.0f}{r['p99']:>9.0f}"
              f"{r['max']:>9.0f}{r['errors']:>8}")
    overall = rows["overall (pages)"]
    errors = overall["errors"] + rows[LOGIN]["errors"]
    met = overall["p95"] <= GOAL_P95_MS and errors == 0
    slow = [n for n in PAGES if rows[n]["p95"] > GOAL_P95_MS]
    print(f"  goal: p95 ≤ {GOAL_P95_MS:.0f} ms, 0 errors → {'MET' if met else 'MISSED'} "
          f"(overall p95 {overall['p95']:.0f} ms, {errors} errors"
          + (f"; pages over the goal: {', '.join(slow)})" if slow else ")"))
    n_all = overall["n"] + rows[LOGIN]["n"]
    reasons = Counter(f"{s[0]}: {s[4]}" for s in samples if not s[2])
    for reason, n in reasons.most_common(5):
        print(f"  error ×{n}  {reason}")
    print(f"  CPU during the run: gunicorn {meta['server_cpu']:.1f} s ({1000 * meta['server_cpu'] / max(1, n_all):.0f} ms "
          f"a request on average), locust {meta['locust_cpu']:.1f} s, of {os.cpu_count()} × {seconds:.0f} s")
    return rows


def _tree_cpu(pid: int) -> float:
    """CPU seconds of a process, its live children and the children it has reaped (recycled workers)."""
    import psutil  # comes with locust

    try:
        proc = psutil.Process(pid)
        t = proc.cpu_times()
        total = t.user + t.system + t.children_user + t.children_system
        for child in proc.children(recursive=True):
            try:
                c = child.cpu_times()
                total += c.user + c.system
            except psutil.NoSuchProcess:
                pass
        return total
    except psutil.NoSuchProcess:
        return float("nan")


def _run(kind: str, args, password: str, src: Path) -> dict | None:
    import contextlib
    import resource
    import shutil
    import signal
    import subprocess
    import sys
    import tempfile
    import urllib.request

    import throwaway  # beside this script (not imported when locust loads this file)

    work = Path(tempfile.mkdtemp(prefix=f"klagebenk-load-{kind}-"))
    server = None
    cleanup = contextlib.ExitStack()  # last: the database dropped, the folder removed
    cleanup.callback(shutil.rmtree, work, ignore_errors=True)
    try:
        url = cleanup.enter_context(throwaway.database(kind, work, prefix="klagebenk_load"))
        if url is None:
            return None
        env = _production_env(url, work)
        if src != ROOT:
            env["PYTHONPATH"] = str(src)
        bin_dir = Path(sys.executable).parent
        subprocess.run([str(bin_dir / "workbench"), "db", "upgrade"], env=env, check=True, cwd=src,
                       stdout=subprocess.DEVNULL, timeout=300)
        seeded = _seed(env, args.cases, args.users, password, src)
        print(f"{kind}: seeded {len(seeded['cases'])} cases and {len(seeded['accounts'])} users through the import "
              f"service in {seeded['seconds']:.0f} s ({seeded['evaluation_failed']} evaluations failed)", flush=True)

        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        log = (work / "gunicorn.log").open("wb")
        server = subprocess.Popen([str(bin_dir / "workbench"), "serve", "--bind", f"127.0.0.1:{port}"],
                                  env=env, cwd=src, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        # ready when it answers and every worker gunicorn.conf.py asks for has booted
        workers = int(env.get("KLAGEBENK_WORKERS") or min(2 * (os.cpu_count() or 1) + 1, 8))
        threads = env.get("KLAGEBENK_THREADS", "4")
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(base + "/auth/login", timeout=5) as r:
                    booted = len(re.findall(r"Booting worker", (work / "gunicorn.log").read_text()))
                    if r.status == 200 and booted >= workers:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not start:\n" + (work / "gunicorn.log").read_text()[-3000:])
            time.sleep(0.5)

        plan = {"accounts": seeded["accounts"], "password": password, "cases": seeded["cases"],
                "think": args.think, "samples": str(work / "samples.json")}
        (work / "plan.json").write_text(json.dumps(plan))
        load_before = _loadavg()
        print(f"{kind}: locust, {args.users} jurists for {args.seconds} s against {base} …", flush=True)
        locust_env = {**os.environ, "KLAGEBENK_LOAD_PLAN": str(work / "plan.json")}
        server_cpu = _tree_cpu(server.pid)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.monotonic()
        subprocess.run([str(bin_dir / "locust"), "-f", str(Path(__file__).resolve()), "--headless",
                        "-u", str(args.users), "-r", str(args.spawn_rate), "-t", f"{args.seconds}s",
                        "--host", base, "--stop-timeout", "10", "--only-summary", "--loglevel", "WARNING",
                        "--csv", str(work / "locust"), "--exit-code-on-error", "0"],
                       env=locust_env, cwd=work, check=True, timeout=args.seconds + 180,
                       stdout=subprocess.DEVNULL if not args.verbose else None,
                       stderr=subprocess.DEVNULL if not args.verbose else None)
        elapsed = time.monotonic() - started
        server_cpu = _tree_cpu(server.pid) - server_cpu
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        locust_cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        load_after = _loadavg()
        samples = json.loads((work / "samples.json").read_text())
        if args.keep_samples:
            Path(f"{args.keep_samples}-{kind}.json").write_text(json.dumps(samples))
        meta = {"cases": len(seeded["cases"]), "users": args.users, "think": "–".join(f"{t:g}" for t in args.think),
                "workers": f"{workers} workers × {threads} threads", "load_before": load_before,
                "load_after": load_after, "server_cpu": server_cpu, "locust_cpu": locust_cpu}
        label = "SQLite" if kind == "sqlite" else "PostgreSQL"
        rows = _report(label, samples, min(elapsed, float(args.seconds)), meta)
        log_lines = (work / "gunicorn.log").read_text().splitlines()
        tracebacks = [i for i, ln in enumerate(log_lines) if ln.startswith("Traceback")]
        if tracebacks:  # the exception line ends each traceback: the first one not indented
            ends = Counter(next((ln for ln in log_lines[i + 1:] if ln and not ln.startswith(" ")), "?")[:200]
                           for i in tracebacks)
            print(f"  gunicorn's log: {len(tracebacks)} tracebacks: "
                  + "; ".join(f"{n}× {end}" for end, n in ends.most_common(3)))
        trouble = [ln for ln in log_lines if re.search(r"\[(ERROR|CRITICAL)\]|WORKER TIMEOUT|was sent SIG", ln)]
        if trouble:  # a worker that died or was killed: its requests end as connection errors (status 0)
            print(f"  gunicorn's log: {len(trouble)} error lines: " + " | ".join(t[:160] for t in trouble[:4]))
        return {"label": label, "rows": rows, "meta": meta}
    finally:
        if server is not None and server.poll() is None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=40)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
        cleanup.close()


def main() -> int:
    import argparse
    import secrets
    import signal
    import subprocess
    import sys
    import tempfile

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--users", type=int, default=20, help="simulated jurists (one account each)")
    ap.add_argument("--seconds", type=int, default=60)
    ap.add_argument("--cases", type=int, default=1000)
    ap.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    ap.add_argument("--think", default="1,3", help="seconds between a jurist's clicks, MIN,MAX (0: none)")
    ap.add_argument("--spawn-rate", type=float, default=5, help="jurists started a second")
    ap.add_argument("--rev", default=None, help="benchmark this git revision (default: the working tree)")
    ap.add_argument("--keep-samples", default=None, metavar="PREFIX",
                    help="write every request's (page, ms, ok, t, error) to PREFIX-sqlite.json / PREFIX-postgres.json")
    ap.add_argument("--verbose", action="store_true", help="show locust's own output")
    args = ap.parse_args()
    lo, _, hi = args.think.partition(",")
    args.think = [float(lo), float(hi or lo)]
    # SIGTERM unwinds like Ctrl-C: the finally blocks stop gunicorn, drop the database, remove the folder
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    password = "lastprøve " + secrets.token_urlsafe(12)  # strong: zxcvbn 4 of 4
    kinds = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    with tempfile.TemporaryDirectory(prefix="klagebenk-load-src-") as tmp:
        src = ROOT
        if args.rev:
            src = Path(tmp)
            archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.rev], check=True, capture_output=True).stdout
            subprocess.run(["tar", "-x", "-C", str(src)], input=archive, check=True)
            sys.path.insert(0, str(src))  # the seeding imports the revision's workbench
            rev = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", args.rev], check=True,
                                 capture_output=True, text=True).stdout.strip()
            print(f"benchmarking revision {rev} (git archive into {src})")
        else:
            print(f"benchmarking the working tree {ROOT}")
        results = [r for r in (_run(k, args, password, src) for k in kinds) if r]
    return 0 if results else 1


if __name__ == "__main__":
    raise SystemExit(main())
