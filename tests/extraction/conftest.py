"""Puts this folder on sys.path so the generator (``nav_letters``) and ``scoring`` import by module name
(a site-packages package is called ``tests``; never import from ``tests.…``)."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)
