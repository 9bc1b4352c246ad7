from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField, SelectField, StringField
from wtforms.validators import DataRequired, Length, Optional

from workbench.web.forms import INVALID_DATE, NorwegianDateField, version_field


class VersionedForm(FlaskForm):
    """Every change carries the version it was read at (optimistic locking). A version outside a
    database integer is refused here, before it reaches the UPDATE."""

    version = version_field()


class ReceivedForm(VersionedForm):
    received = NorwegianDateField("Mottatt hos Statsforvalteren", validators=[DataRequired(INVALID_DATE)])


class ForelopigSvarForm(VersionedForm):
    sent = NorwegianDateField("Foreløpig svar sendt", validators=[Optional()])


class WaitingForm(VersionedForm):
    """«På vent»: what the case waits for (documents from Nav, a reply from the claimant) and until when."""

    reason = StringField("Venter på", validators=[Optional(), Length(max=300, message="Høyst 300 tegn.")])
    until = NorwegianDateField("Ventes tilbake innen", validators=[Optional()])
    end = HiddenField()

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        if not self.end.data:  # both asked for at once, so one answer fixes every field
            if not (self.reason.data or "").strip():
                self.reason.errors = [*self.reason.errors, "Skriv hva saken venter på."]
                ok = False
            if self.until.data is None and not self.until.errors:
                self.until.errors = [*self.until.errors, "Skriv datoen saken ventes tilbake (dd.mm.åååå)."]
                ok = False
        return ok


YES_NO = [("ja", "Ja"), ("nei", "Nei")]


class ReceiptForm(VersionedForm):
    """The receipt check at intake (mottakskontroll): three questions, each answered."""

    documents_complete = RadioField("Er saksdokumentene fra Nav-kontoret komplette?", choices=YES_NO,
                                    validators=[DataRequired("Svar ja eller nei.")])
    urgent = RadioField("Er saken en hastesak?", choices=YES_NO, validators=[DataRequired("Svar ja eller nei.")])
    deferred_execution_requested = RadioField("Har klageren bedt om utsatt iverksetting (forvaltningsloven § 42)?",
                                              choices=YES_NO, validators=[DataRequired("Svar ja eller nei.")])


class ActionForm(VersionedForm):
    to_status = HiddenField()


class LanguageForm(VersionedForm):
    """The case's written standard (chosen at intake; changeable until the letter is sent to the leder)."""

    language = SelectField("Målform", choices=[("nb", "Bokmål"), ("nn", "Nynorsk")],
                           validators=[DataRequired("Velg bokmål eller nynorsk.")])


class CountyForm(VersionedForm):
    """The Nav office's county, confirmed by the jurist where the import has no unit number. The choices
    (today's counties by name, never codes) are set from the competence table."""

    county = SelectField("Fylket Nav-kontoret ligger i", choices=[],
                         validators=[DataRequired("Velg fylket Nav-kontoret ligger i.")])

    def with_choices(self, choices: list[tuple[str, str]]) -> "CountyForm":
        self.county.choices = [("", "Velg fylke"), *choices]
        return self
