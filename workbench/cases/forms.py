from flask_wtf import FlaskForm
from wtforms import DateField, HiddenField, IntegerField
from wtforms.validators import DataRequired, InputRequired, Optional
from wtforms.widgets import HiddenInput


class VersionedForm(FlaskForm):
    """Every change carries the version it was read at (optimistic locking)."""

    version = IntegerField(widget=HiddenInput(), validators=[InputRequired()])


class ReceivedForm(VersionedForm):
    received = DateField("Mottatt hos Statsforvalteren",
                         validators=[DataRequired("Skriv en gyldig dato (dd.mm.åååå).")],
                         format=["%d.%m.%Y", "%Y-%m-%d"])


class ForelopigSvarForm(VersionedForm):
    sent = DateField("Foreløpig svar sendt", validators=[Optional()], format=["%d.%m.%Y", "%Y-%m-%d"])


class ActionForm(VersionedForm):
    to_status = HiddenField()
