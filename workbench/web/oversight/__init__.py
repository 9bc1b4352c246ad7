"""Oversight (issue 17): the office's processing-time figures for the leder and Helsetilsynet
(``workbench/services/oversight.py``). Leder only; counts and days, no personal data."""

from workbench.web.oversight.routes import bp

__all__ = ["bp"]
