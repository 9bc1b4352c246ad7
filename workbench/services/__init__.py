"""Use cases that join the rules and the database (web → services → rules; services → db).

A public function that changes the database is either a use case — one transaction, it commits
(``transaction.transaction``; its docstring says «Commits») — or a step of one that leaves the commit
to its caller (``audit.record``, ``sessions.start``, ``cases.locked_update``). Routes and commands call
use cases and never commit or roll back themselves (``tests/test_architecture.py``). Every write to a
case passes the case lock, ``cases.locked_update``.
"""
