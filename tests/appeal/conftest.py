"""Appeal-side tests (issue 5). Helpers live in ``appeal_support`` (this directory)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
