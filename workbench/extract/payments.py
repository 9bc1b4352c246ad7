"""Payment periods (import-format.md ``payments[]``): the period, gross, every deduction with its amount and
provision, and the net — from labelled rows, key/value boxes, prose or a grid of columns. A period's gross
and deductions are kept only when gross − deductions rounds to the net (and to the grid's «Trekk» total):
otherwise only the net stays (issue 16: never guess)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from workbench.extract.fields import DEDUCTION_KINDS
from workbench.extract.text import AMOUNT, HJEMMEL, RANGE, Leaf, Text, norm_hjemmel, parse_amount, parse_range

IC = re.IGNORECASE
ANCHOR = rf"(?:^Periode\s*(?:\||:)\s*{RANGE}$|For\s+perioden\s+{RANGE}\s+er\s+brutto)"
NET = rf"Netto(?:\s+utbetalt|\s+utbetaling\s+for\s+perioden\s+er)?\s*(?:\||:)?\s*{AMOUNT}"
GROSS = rf"brutto(?:\s+stønad)?(?:\s+er)?\s*(?:\||:)?\s*{AMOUNT}"
DEDUCTIONS = ((rf"Trekk[^|\n]*?\(\s*({HJEMMEL})\s*\)\s*(?:\||:)\s*{AMOUNT}", 1, 2),
              (rf"(?:trukket|trekt)\s+{AMOUNT}\s+etter\s+({HJEMMEL})", 3, 1))
GRID_REASON = rf"I\s+perioden\s+{RANGE}\s+er\s+det\s+(?:trukket|trekt)\s+{AMOUNT}\s+for\s+[^,|]+,\s+jf\.\s+({HJEMMEL})"


@dataclass
class Payment:
    start: Leaf
    end: Leaf
    gross: Leaf | None = None
    net: Leaf | None = None
    total: str | None = None  # a grid's «Trekk» column: the sum of the deductions
    deductions: list[dict[str, Leaf]] = field(default_factory=list)

    def as_dict(self) -> dict:
        """Import-format keys; a gross or deductions that fail the sum are left out."""
        out: dict = {"from": self.start, "to": self.end}
        if self.net is not None and self.gross is not None and self._adds_up():
            out.update(gross=self.gross, deductions=self.deductions)
        if self.net is not None:
            out["net"] = self.net
        return out

    def _adds_up(self) -> bool:
        assert self.gross is not None and self.net is not None
        s = sum((Decimal(str(d["amount"].value)) for d in self.deductions), Decimal(0))
        if self.total is not None and Decimal(self.total) != s:
            return False
        return abs(Decimal(str(self.gross.value)) - s - Decimal(str(self.net.value))) <= Decimal("0.5")


def deduction(t: Text, m: re.Match[str], hg: int, ag: int) -> dict[str, Leaf] | None:
    """One deduction; its kind is the section Nav applied (import-format.md: § 36 fravaer, § 37 arbeid, § 38 samordning)."""
    hjemmel = norm_hjemmel(m[hg])
    section = hjemmel.rsplit(" ", 1)[-1]
    kind = DEDUCTION_KINDS.get(section, "annen")
    return {"kind": t.leaf(kind, m.start(hg)), "amount": t.leaf(parse_amount(m[ag], m[ag + 1]), m.start(ag)),
            "hjemmel": t.leaf(hjemmel, m.start(hg))}


def labelled(t: Text) -> list[Payment]:
    """«Periode: …» / «For perioden … er brutto» blocks, each up to its «Netto»."""
    anchors = t.find(ANCHOR, IC)
    out = []
    for i, a in enumerate(anchors):
        g = 1 if a[1] else 3
        r = parse_range(a, g)
        if r is None:
            continue
        end = anchors[i + 1].start() if i + 1 < len(anchors) else len(t.text)
        net = re.compile(NET, IC).search(t.text, a.start(), end)
        if net is None:
            out.append(Payment(t.leaf(r[0], a.start(g)), t.leaf(r[1], a.start(g + 1))))
            continue
        p = Payment(t.leaf(r[0], a.start(g)), t.leaf(r[1], a.start(g + 1)),
                    net=t.leaf(parse_amount(net[1], net[2]), net.start(1)))
        if gross := re.compile(GROSS, IC).search(t.text, a.start(), net.start()):
            p.gross = t.leaf(parse_amount(gross[1], gross[2]), gross.start(1))
        for pat, hg, ag in DEDUCTIONS:
            for m in re.compile(pat, IC).finditer(t.text, a.start(), net.start()):
                if d := deduction(t, m, hg, ag):
                    p.deductions.append(d)
        out.append(p)
    return out


def _columns(t: Text, need: tuple[str, ...]) -> list[tuple[dict[str, int], int]]:
    """Header lines holding every name in ``need`` as a cell: (name → column, line index)."""
    found = []
    for i, line in enumerate(t.lines):
        cols = {c.strip().lower(): j for j, c in enumerate(line.cells)}
        if all(n in cols for n in need):
            found.append((cols, i))
    return found


def _rows(t: Text, header: int, width: int):
    """The lines under a header that have its width and start with a period (wrapped cells are joined
    back by the reader)."""
    for line_index in range(header + 1, len(t.lines)):
        line = t.lines[line_index]
        m = re.fullmatch(RANGE, line.cells[0]) if len(line.cells) == width else None
        r = parse_range(m, 1) if m else None
        if r is None:
            return
        yield line_index, line, r


def _cell_leaf(t: Text, line_index: int, value: object) -> Leaf:
    """A value read from a table row: the row's page and (first) line."""
    line = t.lines[line_index]
    return Leaf(value, line.page, line.number)


def _amount(cell: str) -> str | None:
    m = re.fullmatch(AMOUNT, cell.strip())
    return parse_amount(m[1], m[2]) if m else None


def grid(t: Text) -> list[Payment]:
    """A table Periode | Brutto | Trekk | Netto; deductions from a Periode | … | Hjemmel | Beløp table or
    the prose reasons («I perioden … er det trukket … jf. § …»), matched by period."""
    out = []
    for cols, h in _columns(t, ("periode", "brutto", "netto")):
        width = len(t.lines[h].cells)
        for i, line, (a, b) in _rows(t, h, width):
            gross, net = _amount(line.cells[cols["brutto"]]), _amount(line.cells[cols["netto"]])
            p = Payment(_cell_leaf(t, i, a), _cell_leaf(t, i, b))
            p.gross = _cell_leaf(t, i, gross) if gross else None
            p.net = _cell_leaf(t, i, net) if net else None
            p.total = _amount(line.cells[cols["trekk"]]) if "trekk" in cols else None
            out.append(p)
    deds = grid_deductions(t)
    for p in out:
        p.deductions = [d for (a, b), d in deds if (a, b) == (p.start.value, p.end.value)]
    return out


def grid_deductions(t: Text) -> list[tuple[tuple[str, str], dict[str, Leaf]]]:
    out = []
    for cols, h in _columns(t, ("periode", "hjemmel", "beløp")):
        for i, line, r in _rows(t, h, len(t.lines[h].cells)):
            hj, amount = line.cells[cols["hjemmel"]], _amount(line.cells[cols["beløp"]])
            if amount and re.fullmatch(HJEMMEL, hj):
                hjemmel = norm_hjemmel(hj)
                kind = DEDUCTION_KINDS.get(hjemmel.rsplit(" ", 1)[-1], "annen")
                out.append((r, {"kind": _cell_leaf(t, i, kind), "amount": _cell_leaf(t, i, amount),
                                "hjemmel": _cell_leaf(t, i, hjemmel)}))
    for m in t.find(GRID_REASON, IC):
        if r := parse_range(m, 1):
            d = deduction(t, m, 5, 3)
            if d:
                out.append((r, d))
    return out


def payments(t: Text) -> list[dict]:
    """Every payment period found, sorted by ``from``; a period stated twice differently is dropped."""
    found = labelled(t) + grid(t)
    by_period: dict[tuple, list[dict]] = {}
    for p in found:
        by_period.setdefault((p.start.value, p.end.value), []).append(p.as_dict())
    return [v[0] for k, v in sorted(by_period.items(), key=lambda kv: str(kv[0])) if len(v) == 1]
