"""The forvaltningsloven a letter cites: the act in force on the letter's date, and its provisions.

rules.md R27 and law.md §5: the 1967 act applies until the new act (LOV-2025-06-20-81) enters into force «fra
Kongen bestemmer» (the engine's parameter ``fvl_2025_in_force``, unset today). Every closing text of the letter
names its provision through :func:`provision`, so the switch is one table, not a search through the texts.

The 2025 column holds only what law.md quotes as verified [V]; a provision the project does not have is
``None``, and :func:`missing_provisions` lets the finalize gate refuse a letter that would need it rather than
print a guess.
"""

from __future__ import annotations

from datetime import date
from typing import Final

#: topic → (1967 act, 2025 act). The 1967 provisions are the ones appeals.md §6.1/§11 and law.md §5 cite.
PROVISIONS: Final[dict[str, tuple[str, str | None]]] = {
    # klagefrist: three weeks from notice received (1967 § 29; new § 63 first paragraph [V])
    "klagefrist": ("§ 29", "§ 63 første ledd"),
    # timely when sent before the deadline (1967 § 30; new § 64 first paragraph [V])
    "sent_in_time": ("§ 30", "§ 64 første ledd"),
    # a late appeal heard anyway, and the one-year bar (1967 § 31; new § 65 [V])
    "late_a": ("§ 31 første ledd bokstav a", "§ 65 første ledd"),
    "late_b": ("§ 31 første ledd bokstav b", "§ 65 første ledd"),
    "one_year": ("§ 31 tredje ledd", None),
    # the appeal body's decision is final (1967 § 28 third paragraph first sentence; new § 61 third paragraph [V])
    "final": ("§ 28 tredje ledd", "§ 61 tredje ledd"),
    # a dismissal by the appeal body may be appealed unless a) or b) (1967 § 28 third paragraph; new act [NV])
    "dismissal_appealable": ("§ 28 tredje ledd", None),
    "dismissal_final_a": ("§ 28 tredje ledd bokstav a", None),
    "dismissal_final_b": ("§ 28 tredje ledd bokstav b", None),
    # where the appeal is sent (1967 § 32 first paragraph letter a; new § 66 [V] has no such letter)
    "where_to_send": ("§ 32", None),
    # access to the documents (1967 §§ 18–19; new act [NV])
    "access": ("§§ 18 og 19", None),
    # sakskostnader (1967 § 36; new § 69 [appeals.md §6.1])
    "costs": ("§ 36", "§ 69"),
    # no change to the claimant's detriment without notice within three months (1967 § 34 second paragraph;
    # new § 68 fourth paragraph [V])
    "reformatio": ("§ 34 andre ledd", "§ 68 fjerde ledd"),
    # municipal self-government in the review of fritt skjønn (1967 § 34; new § 68 third paragraph [V])
    "self_government": ("§ 34 andre ledd", "§ 68 tredje ledd"),
    # foreløpig svar and processing time (1967 § 11 a [INF], appeals.md §7)
    "processing_time": ("§ 11 a", None),
}

ACT_1967: Final = "1967"
ACT_2025: Final = "2025"


def act_for(day: date, fvl_2025_in_force: object) -> str:
    """The act in force on ``day``: 2025 from the in-force date the parameters carry, else 1967 (R27)."""
    if isinstance(fvl_2025_in_force, date) and day >= fvl_2025_in_force:
        return ACT_2025
    return ACT_1967


def provision(topic: str, act: str = ACT_1967) -> str:
    """The provision of ``topic`` in ``act`` («§ 28 tredje ledd»); «§ ?» where the project lacks it (the gate
    refuses such a letter: :func:`missing_provisions`)."""
    old, new = PROVISIONS[topic]
    found = old if act == ACT_1967 else new
    return found if found is not None else "§ ?"


def missing_provisions(topics: set[str], act: str) -> list[str]:
    """The topics a letter under ``act`` needs whose provision the project does not have."""
    return sorted(t for t in topics if (PROVISIONS[t][0] if act == ACT_1967 else PROVISIONS[t][1]) is None)
