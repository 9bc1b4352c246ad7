from flask_wtf import FlaskForm
from wtforms import RadioField, SelectChoice, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from workbench.web.forms import version_field

from workbench.services.letters import BLOCK_KEYS, BLOCK_LABELS, MAX_BLOCK_CHARS


class VersionedForm(FlaskForm):
    """Every change carries the case version it was read at (optimistic locking)."""

    version = version_field()


class LetterForm(VersionedForm):
    language = RadioField("Målform", choices=[SelectChoice("nb", "Bokmål"), SelectChoice("nn", "Nynorsk")],
                          validators=[DataRequired("Velg bokmål eller nynorsk.")])
    our_reference = StringField("Vår referanse", validators=[Optional(), Length(max=50)])


for _key in BLOCK_KEYS:
    setattr(LetterForm, f"block_{_key}", TextAreaField(
        BLOCK_LABELS[_key], validators=[Optional(), Length(max=MAX_BLOCK_CHARS,
                                                           message="Teksten er for lang.")]))


class ReturnForm(VersionedForm):
    comment = TextAreaField("Kommentar til saksbehandleren",
                            validators=[DataRequired("Skriv en kommentar til saksbehandleren."),
                                        Length(max=5000)])
