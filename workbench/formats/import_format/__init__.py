"""The import format ``klagebenk.nav-vedtak/1``: parse, validate, build :class:`NavDecision`.

Public API (used by the web app, the API and the CLI):

* :class:`FieldError` ``(path, message)`` — one error at a JSON path (``payments[0].net``);
* :class:`ImportValidationError` — ``.errors: list[FieldError]``; ``str()`` lists ``path: message`` lines;
* :func:`load_document` — JSON text/bytes → dict (Decimal for numbers, duplicate keys rejected);
* :func:`parse_document` — dict → :class:`~workbench.law.model.NavDecision`, collecting **all** errors
  (no partial result). Messages are Norwegian bokmål for the jurist.
"""

from workbench.formats.import_format.validate import (
    FieldError,
    ImportValidationError,
    load_document,
    parse_document,
)

__all__ = ["FieldError", "ImportValidationError", "load_document", "parse_document"]
