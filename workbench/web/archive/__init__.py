"""The archive: search ferdigstilt/arkivert cases, archive a ferdigstilt case, download its package
(``workbench/services/archive.py``). arkivar and leder only; search terms travel by POST."""

from workbench.web.archive.routes import bp

__all__ = ["bp"]
