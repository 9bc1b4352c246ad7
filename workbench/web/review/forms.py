"""Forms of the review page. Every form carries the case version (optimistic lock) and CSRF.
Forms with one field per item (⚖ points, arguments) are read field by field in the routes."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from workbench.web.forms import NorwegianDateField, version_field

from workbench.appeal.taxonomy import CATEGORIES, SAKSBEHANDLING, SAKSBEHANDLING_PROVISIONS
from workbench.appeal.outcome import AVVISE, AVVISNING_EXCEPTIONS, LATE_APPEAL_GROUNDS, OUTCOMES

class VersionedForm(FlaskForm):
    version = version_field()


class AdmissibilityForm(VersionedForm):
    notice_received = NorwegianDateField("Vedtaket kom fram til klageren", validators=[Optional()])
    appeal_received = NorwegianDateField("Nav-kontoret mottok klagen", validators=[Optional()])
    late_appeal_admitted = RadioField(
        "Tas den for sene klagen under behandling? (fvl. § 31 ⚖)",
        choices=[("", "Ikke vurdert ennå"), ("ja", "Ja, klagen tas under behandling"),
                 ("nei", "Nei, klagen avvises")], default="", validators=[Optional()])
    late_appeal_ground = RadioField(
        "Grunnlaget for å behandle den for sene klagen (fvl. § 31 første ledd)",
        choices=list(LATE_APPEAL_GROUNDS.items()), validators=[Optional()])
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
        if self.late_appeal_admitted.data == "ja" and not self.late_appeal_ground.data:
            self.late_appeal_ground.errors = [*self.late_appeal_ground.errors,
                                              "Velg grunnlaget: klageren kan ikke lastes, eller særlige grunner "
                                              "(fvl. § 31 første ledd)."]
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
    appeal_received = NorwegianDateField("Nav-kontoret mottok klagen", validators=[Optional()])
    interests = TextAreaField("Overordnede private eller offentlige interesser (fvl. § 34)",
                              validators=[Optional(), Length(max=5000)])
    varsel = NorwegianDateField("Varsel om endring til ugunst sendt", validators=[Optional()])


OUTCOME_CHOICES = [(k, v["label_nb"]) for k, v in OUTCOMES.items()]


class OutcomeForm(VersionedForm):
    outcome = RadioField("Utfall", choices=OUTCOME_CHOICES,
                         validators=[InputRequired("Velg et utfall.")])
    reasons = TextAreaField("Begrunnelse for utfallet",
                            validators=[DataRequired("Skriv begrunnelsen for utfallet."), Length(max=10000)])
    avvisning_exception = RadioField("Kan avvisningen påklages? (forvaltningsloven § 28 tredje ledd)",
                                     choices=list(AVVISNING_EXCEPTIONS.items()), validators=[Optional()])

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        if self.outcome.data == AVVISE and not self.avvisning_exception.data:
            self.avvisning_exception.errors = [*self.avvisning_exception.errors,
                                               "Velg om avvisningen kan påklages: Nav-kontoret avviste også klagen, "
                                               "Nav-kontoret kom til at den kunne behandles, eller ingen av delene."]
            ok = False
        return ok


class FactForm(VersionedForm):
    """«Rette faktum»: what to change or remove is a labelled choice (``facts.change_choices``; the path is
    only its hidden value), the new value typed the Norwegian way (``facts.parse_typed``). An item is
    added through the same route with ``path`` «+<list>» and its fields as ``item-<key>``."""

    path = StringField("Hva skal rettes?", validators=[DataRequired("Velg hva som skal rettes."),
                                                      Length(max=220, message="Velg hva som skal rettes i listen.")])
    value = StringField("Ny verdi", validators=[Optional(), Length(max=2000, message="Verdien kan være høyst 2000 tegn.")])
    reason = TextAreaField("Hvorfor rettes faktum?",
                           validators=[DataRequired("Skriv hvorfor faktum rettes (f.eks. hvilket dokument som viser det)."),
                                       Length(max=5000, message="Begrunnelsen kan være høyst 5000 tegn.")])
    source = StringField("Kilde", validators=[Optional(), Length(max=500, message="Kilden kan være høyst 500 tegn.")])
