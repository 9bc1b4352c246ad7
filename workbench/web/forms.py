"""What every form that changes a case shares: the version it was read at (optimistic locking)."""

from __future__ import annotations

from wtforms import IntegerField
from wtforms.validators import InputRequired, NumberRange
from wtforms.widgets import HiddenInput

#: the largest version a database integer holds; a bigger one is refused here, before the UPDATE
MAX_VERSION = 2**31 - 1


def version_field() -> IntegerField:
    """The hidden ``version`` field: a whole number 0 … 2³¹ − 1, or the form is refused as stale/invalid."""
    return IntegerField(widget=HiddenInput(), invalid_value_message="Ugyldig versjon.",
                        validators=[InputRequired(), NumberRange(0, MAX_VERSION, "Ugyldig versjon.")])
