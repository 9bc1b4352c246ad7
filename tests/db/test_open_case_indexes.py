"""The working lists walk the open cases' partial indexes (migration 0012, issue 15) on SQLite and PostgreSQL.

The indexes are kept out of the model comparison (migrations/env.py: their NULLS FIRST is PostgreSQL's alone),
so this is where they are checked: they exist on the migrated database, hold exactly the open statuses, and the
queries of «Alle saker», «Mine saker» and the menu's counts use them without sorting. The planner is told not to
scan the table or sort where it would rather, on a small table, do that (``enable_seqscan``/``enable_sort`` off
on PostgreSQL): what is checked is that the index *can* answer the query in its order, which is what a
100 000-case archive needs (benchmarks/scale.py measures the time).
"""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, func, select

from workbench.db.models import OPEN, Case
from workbench.services import queues

INDEXES = ("ix_cases_open_deadline", "ix_cases_open_assigned")


def _plan(db: Session, stmt) -> str:
    bind = db.get_bind()
    sql = str(stmt.compile(bind, compile_kwargs={"literal_binds": True}))
    conn = db.connection()
    if bind.dialect.name == "sqlite":
        return "\n".join(str(r[-1]) for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}").all())
    conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
    conn.exec_driver_sql("SET LOCAL enable_sort = off")
    return "\n".join(r[0] for r in conn.exec_driver_sql(f"EXPLAIN {sql}").all())


def _index_sql(db: Session) -> dict[str, str]:
    if db.get_bind().dialect.name == "sqlite":
        q = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases'"
    else:
        q = "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'cases'"
    return {name: sql for name, sql in db.connection().exec_driver_sql(q).all()}


def _seed(db: Session, user_id: int) -> None:
    for k, status in enumerate(["mottatt", "under_behandling", "til_godkjenning", "ferdigstilt", "arkivert"] * 4):
        db.add(Case(nav_reference=f"IDX-{k}", nav_office="Nav Testby", claimant_name="Indeks Prøve",
                    decision_date=date(2026, 1, 5), decision_kind="innvilget", status=status,
                    received=None if k % 7 == 0 else date(2026, 2, 1 + k), saksbehandler_id=user_id if k % 2 else None))
    db.commit()


def test_the_open_case_indexes_exist_and_hold_exactly_the_open_statuses(db):
    found = _index_sql(db)
    finished = {"ferdigstilt", "arkivert"}
    for name in INDEXES:
        assert name in found, f"{name} missing after migration"
        sql = found[name]
        assert all(f"'{status}'" in sql for status in OPEN), sql
        assert not any(f"'{status}'" in sql for status in finished), sql


def test_every_working_list_walks_its_index_in_order_without_a_sort(db, make_user):
    sb = make_user("saksbehandler")
    _seed(db, sb.id)
    today = date(2026, 6, 1)

    every_open = select(Case).where(queues.open_case()).order_by(*queues.DEADLINE_ORDER).limit(50).offset(50)
    mine = (select(Case).where(queues.condition("mine", user_id=sb.id, today=today))
            .order_by(*queues.DEADLINE_ORDER).limit(50))
    counts = select(*[func.count().filter(queues.condition(q.key, user_id=sb.id, today=today)) for q in queues.QUEUES
                      if q.key in ("mine", "ufordelt", "venter", "til_godkjenning", "frist_snart")]).where(queues.open_case())
    for stmt in (every_open, mine, counts):
        plan = _plan(db, stmt)
        assert any(index in plan for index in INDEXES), plan
        assert "TEMP B-TREE" not in plan and "Sort" not in plan, plan
    db.rollback()


def test_the_lists_order_puts_an_unknown_received_date_first_on_both_databases(db, make_user):
    sb = make_user("saksbehandler")
    _seed(db, sb.id)
    page = queues.all_open(db, per_page=100)
    received = [c.received for c in page.items]
    assert len(received) == 12  # 20 seeded, 8 finished
    unknown = [r for r in received if r is None]
    assert unknown and received[:len(unknown)] == unknown  # the cases that need a date on top
    assert received[len(unknown):] == sorted(received[len(unknown):])
    ids_same_date = [c.id for c in page.items if c.received is None]
    assert ids_same_date == sorted(ids_same_date)
