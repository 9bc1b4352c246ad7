"""The day the app reasons about ("today").

Deadlines (klagefrist, the three months of fvl. § 34) depend on it, so tests must be able to pin it.
In test mode the app config ``KLAGEBENK_TODAY`` (ISO date, or a ``date``) overrides the system clock;
outside an app context, or when it is unset, it is ``date.today()``. Production never sets it.
"""

from __future__ import annotations

from datetime import date


def today() -> date:
    try:
        from flask import current_app, has_app_context  # noqa: PLC0415
    except ImportError:  # pragma: no cover - Flask is a dependency of the app
        return date.today()
    if has_app_context():
        pinned = current_app.config.get("KLAGEBENK_TODAY")
        if pinned and current_app.config.get("TESTING"):
            return pinned if isinstance(pinned, date) else date.fromisoformat(str(pinned))
    return date.today()
