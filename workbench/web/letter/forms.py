from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, SelectChoice, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from workbench.web.forms import NorwegianDateField, version_field

from workbench.services.dispatch import CHANNEL_LABELS, NAV_CHANNELS, PERSON_CHANNELS

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


class DispatchForm(FlaskForm):
    """«Ekspeder» (forvaltningsloven § 27: the parties notified of the decision). The choices are checked by
    ``services.dispatch.problems`` (``validate_choice=False``), so an unknown code gets a Norwegian reason at
    the field, never WTForms' English one. No case version: a dispatch changes no row of the case (a finished
    case is frozen); a second one is refused by the service and the table's unique key."""

    recipient = RadioField("Mottaker", validate_choice=False,
                           choices=[SelectChoice("klager", "Klageren"), SelectChoice("fullmektig", "Fullmektig")])
    representative_name = StringField("Fullmektigens navn", validators=[Optional(), Length(max=200)])
    representative_street = StringField("Fullmektigens adresse", validators=[Optional(), Length(max=200)])
    representative_postcode = StringField("Postnummer", validators=[Optional(), Length(max=10)])
    representative_city = StringField("Poststed", validators=[Optional(), Length(max=100)])
    copy_to_claimant = BooleanField("Kopi til klageren (når fullmektigen er mottaker)")
    channel = RadioField("Kanal til mottakeren", validate_choice=False, choices=[])
    copy_to_nav = BooleanField("Kopi til Nav-kontoret")
    nav_channel = RadioField("Kanal for kopien til Nav-kontoret", validate_choice=False, choices=[])
    sent_on = NorwegianDateField("Dato sendt")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.channel.choices = [SelectChoice(code, CHANNEL_LABELS[code]) for code in PERSON_CHANNELS]
        self.nav_channel.choices = [SelectChoice(code, CHANNEL_LABELS[code]) for code in NAV_CHANNELS]
        for fld in self:  # ids apart from the letter form's, which shares the page
            if fld.id and not fld.id.startswith("f-"):
                fld.id = f"f-dispatch-{fld.id}"
