"""Forms of the review page. Every form carries the case version (optimistic lock) and CSRF.
Forms with one field per item (⚖ points, arguments) are read field by field in the routes."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from workbench.web.forms import version_field

from workbench.appeal.taxonomy import CATEGORIES, SAKSBEHANDLING, SAKSBEHANDLING_PROVISIONS
from workbench.appeal.outcome import OUTCOMES

DATE_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]
DATE_ERROR = "Skriv en gyldig dato (dd.mm.åååå)."


class NorDateField(DateField):
    """A date field whose parse error is in Norwegian, at the field."""

    def process_formdata(self, valuelist):
        try:
            super().process_formdata(valuelist)
        except ValueError:
            self.data = None
            raise ValueError(DATE_ERROR) from None


class VersionedForm(FlaskForm):
    version = version_field()


class AdmissibilityForm(VersionedForm):
    notice_received = NorDateField("Vedtaket kom fram til klageren", validators=[Optional()],
                                format=DATE_FORMATS)
    appeal_received = NorDateField("Nav-kontoret mottok klagen", validators=[Optional()], format=DATE_FORMATS)
    late_appeal_admitted = RadioField(
        "Tas den for sene klagen under behandling? (fvl. § 31 ⚖)",
        choices=[("", "Ikke vurdert ennå"), ("ja", "Ja, klagen tas under behandling"),
                 ("nei", "Nei, klagen avvises")], default="", validators=[Optional()])
    late_appeal_reasons = TextAreaField("Begrunnelse (fvl. § 31)", validators=[Optional(), Length(max=5000)])
    klagerett_assessment = TextAreaField("Klagerett og fullmakt – juristens vurdering (fvl. §§ 12 og 28)",
                                         validators=[Optional(), Length(max=5000)])
    form_confirmed = BooleanField("Klagen nevner vedtaket og hvilken endring klageren ønsker (fvl. § 32)")

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        if self.late_appeal_admitted.data == "ja" and not (self.late_appeal_reasons.data or "").strip():
            self.late_appeal_reasons.errors = [*self.late_appeal_reasons.errors,
                                               "Begrunn hvorfor den for sene klagen tas under behandling."]
            ok = False
        return ok


CATEGORY_CHOICES = [(k, v["label_nb"]) for k, v in CATEGORIES.items()]
FVL_CHOICES = [("", "Velg regel")] + [(k, f"{k} – {v['label_nb']}") for k, v in SAKSBEHANDLING_PROVISIONS.items()]


class ReclassifyForm(VersionedForm):
    discrepancy = HiddenField(validators=[DataRequired()])
    category = SelectField("Kategori", choices=CATEGORY_CHOICES)
    fvl_provision = SelectField("Regel som er brutt (saksbehandlingsfeil)", choices=FVL_CHOICES, default="")
    reason = TextAreaField("Begrunnelse for omklassifiseringen",
                           validators=[DataRequired("Skriv hvorfor avviket omklassifiseres."), Length(max=5000)])

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        if self.category.data == SAKSBEHANDLING and not self.fvl_provision.data:
            self.fvl_provision.errors = [*self.fvl_provision.errors,
                                         "En saksbehandlingsfeil må knyttes til regelen i forvaltningsloven som er brutt."]
            ok = False
        return ok


class ReformatioForm(VersionedForm):
    appeal_received = NorDateField("Nav-kontoret mottok klagen", validators=[Optional()], format=DATE_FORMATS)
    interests = TextAreaField("Overordnede private eller offentlige interesser (fvl. § 34)",
                              validators=[Optional(), Length(max=5000)])
    varsel = NorDateField("Varsel om endring til ugunst sendt", validators=[Optional()], format=DATE_FORMATS)


OUTCOME_CHOICES = [(k, v["label_nb"]) for k, v in OUTCOMES.items()]


class OutcomeForm(VersionedForm):
    outcome = RadioField("Utfall", choices=OUTCOME_CHOICES,
                         validators=[InputRequired("Velg et utfall.")])
    reasons = TextAreaField("Begrunnelse for utfallet",
                            validators=[DataRequired("Skriv begrunnelsen for utfallet."), Length(max=10000)])


class FactForm(VersionedForm):
    path = StringField("Felt i importen (sti)",
                       validators=[DataRequired("Oppgi feltet, f.eks. work[0].hours."), Length(max=200)],
                       render_kw={"list": "import-paths", "autocomplete": "off", "spellcheck": "false"})
    value = StringField("Ny verdi", validators=[InputRequired("Oppgi den nye verdien."), Length(max=2000)])
    reason = TextAreaField("Hvorfor rettes faktum?",
                           validators=[DataRequired("Skriv hvorfor faktum rettes (f.eks. hvilket dokument som viser det)."),
                                       Length(max=5000)])
