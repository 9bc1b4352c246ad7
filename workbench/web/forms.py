"""What every form that changes a case shares: the version it was read at (optimistic locking)."""

from __future__ import annotations

from wtforms import DateField, IntegerField
from wtforms.validators import InputRequired, NumberRange, ValidationError
from wtforms.widgets import HiddenInput, TextInput

#: the largest version a database integer holds; a bigger one is refused here, before the UPDATE
MAX_VERSION = 2**31 - 1


def version_field() -> IntegerField:
    """The hidden ``version`` field: a whole number 0 … 2³¹ − 1, or the form is refused as stale/invalid."""
    return IntegerField(widget=HiddenInput(), invalid_value_message="Ugyldig versjon.",
                        validators=[InputRequired(), NumberRange(0, MAX_VERSION, "Ugyldig versjon.")])


# --- dates as a Norwegian user types them ----------------------------------------------------------------

#: typed as dd.mm.åååå (ISO still read, for pasted dates); shown as dd.mm.åååå
DATE_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]
INVALID_DATE = "Skriv en gyldig dato (dd.mm.åååå)."


def date_in_range(form, field) -> None:
    """The days a case's dates may take, the import's (2000–2099): every deadline computed from them stays far
    from the calendar's end (year 9999)."""
    from workbench.formats.import_format import bounds

    if field.data is not None and not bounds.DATE_MIN <= field.data <= bounds.DATE_MAX:
        raise ValidationError(f"Datoen må være mellom {bounds.DATE_MIN:%d.%m.%Y} og {bounds.DATE_MAX:%d.%m.%Y}.")


class NorwegianDateField(DateField):
    """A date typed as text (dd.mm.åååå) and checked here, not by the browser: a browser's date field drops
    31.02.2025 silently and reports «mangler» (issue 13). The value is shown back as typed when invalid, as
    dd.mm.åååå when valid; the error is Norwegian and at the field."""

    widget = TextInput()

    def __init__(self, label=None, validators=None, **kwargs):
        kwargs.setdefault("format", DATE_FORMATS)
        kwargs.setdefault("invalid_value_message", INVALID_DATE)
        render_kw = {"inputmode": "numeric", "autocomplete": "off", "placeholder": "dd.mm.åååå", "size": 10,
                     **(kwargs.pop("render_kw", None) or {})}
        super().__init__(label, [*(validators or []), date_in_range], render_kw=render_kw, **kwargs)

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            self.data = None
            raise ValueError(INVALID_DATE) from None
