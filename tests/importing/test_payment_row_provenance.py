"""Issue 16: where a payment row's fields came from follows the row by its period, not its place, when the jurist
deletes or reorders rows in the prefilled form (``workbench.web.imports.prefill.provenance``)."""

from __future__ import annotations

from workbench.web.imports.prefill import provenance


def _leaf(value: str, line: int) -> dict:
    return {"value": value, "page": 2, "line": line}


EXTRACTED = {"payments": [
    {"from": _leaf("2025-01-06", 10), "to": _leaf("2025-01-19", 10), "net": _leaf("1000.00", 11)},
    {"from": _leaf("2025-01-20", 20), "to": _leaf("2025-02-02", 20), "net": _leaf("2000.00", 21)},
    {"from": _leaf("2025-02-03", 30), "to": _leaf("2025-02-16", 30), "net": _leaf("3000.00", 31)},
]}


def test_a_deleted_and_reordered_row_keeps_each_rows_own_source():
    submitted = {"payments": [  # the middle row deleted, the other two swapped, the last one's net corrected
        {"from": "2025-02-03", "to": "2025-02-16", "net": "3100.00"},
        {"from": "2025-01-06", "to": "2025-01-19", "net": "1000.00"},
    ]}
    fields = provenance(EXTRACTED, submitted, "doc1")
    assert fields["payments[0].from"] == {"source": "extracted", "document": "doc1", "page": 2, "line": 30}
    assert fields["payments[0].net"] == {"source": "corrected", "document": "doc1", "page": 2, "line": 31,
                                         "extracted": "3000,00"}
    assert fields["payments[1].net"] == {"source": "extracted", "document": "doc1", "page": 2, "line": 11}
    assert not any(f.get("line") in (20, 21) for f in fields.values())  # the deleted row's source is not given to another
    assert set(fields) == {f"payments[{i}].{k}" for i in (0, 1) for k in ("from", "to", "net")}


def test_a_row_the_jurist_added_is_typed():
    submitted = {"payments": [
        {"from": "2024-12-23", "to": "2025-01-05", "net": "500.00"},  # added in front
        {"from": "2025-01-06", "to": "2025-01-19", "net": "1000.00"},
        {"from": "2025-01-20", "to": "2025-02-02", "net": "2000.00"},
        {"from": "2025-02-03", "to": "2025-02-16", "net": "3000.00"},
    ]}
    fields = provenance(EXTRACTED, submitted, "doc1")
    assert fields["payments[0].net"] == {"source": "typed"}
    assert [fields[f"payments[{i}].net"]["line"] for i in (1, 2, 3)] == [11, 21, 31]
    assert all(fields[f"payments[{i}].net"]["source"] == "extracted" for i in (1, 2, 3))
