"""gunicorn settings for Klagebenk in production: `workbench serve` (or `scripts/serve.sh`) uses them.

Every value can be changed from the environment without editing this file:

| variable                  | default          | meaning |
|---------------------------|------------------|---------|
| KLAGEBENK_BIND            | 127.0.0.1:8000   | address:port (behind the HTTPS proxy); `unix:/run/klagebenk.sock` works too |
| KLAGEBENK_WORKERS         | 2 × cores + 1, at most 8 | worker processes |
| KLAGEBENK_THREADS         | 4                | threads per worker (gthread) |
| KLAGEBENK_TIMEOUT         | 60               | seconds a request may take (a PDF/A letter renders in about 1 s) |
| KLAGEBENK_MAX_REQUESTS    | 500              | a worker is replaced after this many requests (WeasyPrint's caches grow ≈ 0.2 MiB a letter) |
| KLAGEBENK_ACCESS_LOG      | - (stdout)       | access log file; `off` for none |
| FORWARDED_ALLOW_IPS       | 127.0.0.1,::1    | the proxies whose X-Forwarded-Proto gunicorn trusts (gunicorn's own variable) |

The access log has no query string, no client address, no referrer and no user agent: a path holds
only opaque ids (never a name or fødselsnummer, see README), and nothing else a person could be
recognised by is written. The audit trail records who did what.
"""

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


wsgi_app = "workbench:create_app()"
bind = [os.environ.get("KLAGEBENK_BIND", "127.0.0.1:8000")]

# gthread: a worker serves a few requests at once while another waits on the database; the CPU
# work (rules, PDF) needs processes, so workers follow the cores.
worker_class = "gthread"
workers = _int("KLAGEBENK_WORKERS", min(2 * multiprocessing.cpu_count() + 1, 8))
threads = _int("KLAGEBENK_THREADS", 4)
timeout = _int("KLAGEBENK_TIMEOUT", 60)
graceful_timeout = 30
keepalive = 5

# Recycle workers: memory held by WeasyPrint/fontTools caches is given back; the jitter keeps the
# workers from all restarting at once.
max_requests = _int("KLAGEBENK_MAX_REQUESTS", 500)
max_requests_jitter = max(1, max_requests // 10)

# Load the app once in the master: a configuration error (no SECRET_KEY, a weak one, debug mode,
# office missing) stops gunicorn at start with its message, instead of workers failing in a loop.
preload_app = True

# Refuse oversized requests early (an import document is a few kB; uploads are capped by Flask).
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190

_access = os.environ.get("KLAGEBENK_ACCESS_LOG", "-")
accesslog = None if _access.lower() == "off" else _access
# method, path without query string, protocol, status, bytes, duration in ms — no %(h)s (address),
# %(q)s/%(r)s (query string), %(f)s (referrer) or %(a)s (user agent)
access_log_format = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
loglevel = os.environ.get("KLAGEBENK_LOG_LEVEL", "info")
capture_output = True

# gunicorn ≥ 25 opens a control socket under $HOME by default; Klagebenk does not use gunicornc,
# and two instances on one machine (tests, a second site) would clash over the path.
control_socket_disable = True
proc_name = "klagebenk"


def when_ready(server):
    """The app is loaded in the master (``preload_app``): compile its templates here, once, so every
    worker forked from it (and every worker that replaces a recycled one) starts with them compiled."""
    try:
        from workbench.app import warm_up

        app = server.app.wsgi()
        server.log.info("klagebenk: %d templates compiled before the workers start", warm_up(app))
    except Exception:  # noqa: BLE001 - a cold start is slower, not broken
        server.log.warning("klagebenk: could not compile the templates in advance", exc_info=True)


def post_fork(server, worker):  # noqa: ARG001 - gunicorn's hook signature
    """The app (and its SQLAlchemy engine) was built in the master; a forked worker must not use
    connections the master opened, so it starts with an empty pool of its own."""
    try:
        from workbench.db.session import EXT_KEY

        app = worker.app.wsgi()
        engine = app.extensions.get(EXT_KEY) if hasattr(app, "extensions") else None
        if engine is not None:
            engine.dispose(close=False)
    except Exception:  # noqa: BLE001 - a worker that cannot tidy the pool still works
        server.log.warning("klagebenk: could not reset the database pool after fork", exc_info=True)
