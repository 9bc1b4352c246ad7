"""The catalogue: every fixed bokmål/nynorsk text of the letter, one key, one pair (nb, nn).

``text(key, lang, **values)`` is the one way to a text: the section model (``workbench.letters.model``)
and the letter template (``letter.text("draft")``) ask for a key and a language and never hold a
language-specific string of their own. A key that is not in :data:`TEXTS` raises :class:`UnknownText`;
``tests/texts/test_catalogue.py`` checks that every key used in the code and the templates exists, that
every pair has both standards, and that nb and nn have the same placeholders.

Where the pairs come from:

- the letter's own texts, written here (docs/appeals.md §6.5 and glossary.md); the nynorsk forms are
  standard nynorsk, **not verified against a real Statsforvaltaren letter** [INF] — a nynorsk-writing
  jurist should proofread them before release;
- the start texts of the jurist's letter blocks (``placeholder_*``), which the finalize gate refuses
  until they are replaced.

Key families looked up with a computed suffix (``kind_<decision kind>``, ``prm_<parameter>``, …) are
listed in :data:`FAMILIES`; the code checks ``has(key)`` first and falls back where a suffix has no text.

Placeholders use ``str.format`` names; values put into them are plain text and are escaped by the
template like any other value (the result is never marked safe).
"""

from __future__ import annotations

from typing import Final

LANGS: Final = ("nb", "nn")

TEXTS: Final[dict[str, tuple[str, str]]] = {
    # ---- letterhead -------------------------------------------------------------------------
    "our_date": ("Vår dato", "Vår dato"),
    "our_ref": ("Vår ref.", "Vår ref."),
    "their_date": ("Deres dato", "Dykkar dato"),
    "their_ref": ("Deres ref.", "Dykkar ref."),
    "nav_ref": ("Nav-kontorets ref.", "Nav-kontoret sin ref."),
    "caseworker": ("Saksbehandler", "Sakshandsamar"),
    "direct_phone": ("Direkte telefon", "Direkte telefon"),
    "on_behalf": ("Fullmektig for {name}", "Fullmektig for {name}"),
    "draft": ("UTKAST – ikke godkjent", "UTKAST – ikkje godkjent"),
    "postal_address": ("Postadresse", "Postadresse"),
    "visiting_address": ("Besøksadresse", "Besøksadresse"),
    "phone": ("Telefon", "Telefon"),
    "org_no": ("Org.nr.", "Org.nr."),
    "email": ("E-post", "E-post"),
    # ---- title and sections -----------------------------------------------------------------
    "title": (
        "Vedtak i klagesak – kvalifiseringsstønad – {name}",
        "Vedtak i klagesak – kvalifiseringsstønad – {name}",
    ),
    "h_intro": ("Innledning", "Innleiing"),
    "h_decision": ("Statsforvalterens vedtak", "Statsforvaltaren sitt vedtak"),
    "h_subject": ("Saken gjelder", "Saka gjeld"),
    "h_background": ("Sakens bakgrunn", "Bakgrunnen for saka"),
    "h_appeal": ("Klagen", "Klaga"),
    "h_legal": ("Rettslig grunnlag", "Rettsleg grunnlag"),
    "h_assessment": ("Statsforvalterens vurdering", "Statsforvaltaren si vurdering"),
    "h_arguments": ("Klagerens anførsler", "Det klagaren har gjort gjeldande"),
    "h_topic_faktum": ("Faktum og utredning", "Faktum og utgreiing"),
    "h_topic_saksbehandling": ("Saksbehandlingen", "Sakshandsaminga"),
    "h_topic_lov": ("Rettsanvendelsen", "Rettsbruken"),
    "h_topic_skjonn": ("Skjønnsutøvelsen", "Skjønnsutøvinga"),
    "h_computation": ("Beregningen per periode", "Utrekninga per periode"),
    "h_discrepancies": ("Feil i Nav-kontorets vedtak", "Feil i vedtaket frå Nav-kontoret"),
    "h_discretion": ("Skjønnspunkter", "Skjønnspunkt"),
    "h_conclusion": ("Konklusjon", "Konklusjon"),
    "h_finality": ("Klageadgang", "Klagetilgang"),
    "h_access": ("Innsyn", "Innsyn"),
    "h_costs": ("Sakskostnader", "Sakskostnader"),
    "h_annex": ("Vedlegg: Slik er stønaden beregnet", "Vedlegg: Slik er stønaden rekna ut"),
    "annex_name": ("Slik er stønaden beregnet", "Slik er stønaden rekna ut"),
    # ---- introduction -----------------------------------------------------------------------
    "intro_appeal": (
        "Vi viser til klagen datert {sent} fra {who} over vedtaket fra {office} datert {date}, "
        "ref. {ref}.",
        "Vi viser til klaga datert {sent} frå {who} over vedtaket frå {office} datert {date}, "
        "ref. {ref}.",
    ),
    "intro_forwarded": (
        "Nav-kontoret sendte saken til Statsforvalteren {forwarded}.",
        "Nav-kontoret sende saka til Statsforvaltaren {forwarded}.",
    ),
    "intro_competence": (
        "Statsforvalteren er klageinstans for vedtak etter sosialtjenesteloven kapittel 4, jf. "
        "sosialtjenesteloven § 47 og forvaltningsloven § 28.",
        "Statsforvaltaren er klageinstans for vedtak etter sosialtenestelova kapittel 4, jf. "
        "sosialtenestelova § 47 og forvaltningslova § 28.",
    ),
    "who_rep": ("{rep} på vegne av {name}", "{rep} på vegner av {name}"),
    # ---- the outcome ------------------------------------------------------------------------
    "outcome_stadfeste": (
        "Statsforvalteren stadfester vedtaket fra {office} datert {date}.",
        "Statsforvaltaren stadfestar vedtaket frå {office} datert {date}.",
    ),
    "outcome_omgjore": (
        "Statsforvalteren endrer vedtaket fra {office} datert {date}.",
        "Statsforvaltaren endrar vedtaket frå {office} datert {date}.",
    ),
    "outcome_omgjore_delvis": (
        "Statsforvalteren endrer vedtaket fra {office} datert {date} delvis.",
        "Statsforvaltaren endrar vedtaket frå {office} datert {date} delvis.",
    ),
    "outcome_oppheve": (
        "Statsforvalteren opphever vedtaket fra {office} datert {date} og sender saken tilbake til "
        "Nav-kontoret for ny behandling.",
        "Statsforvaltaren opphevar vedtaket frå {office} datert {date} og sender saka tilbake til "
        "Nav-kontoret for ny behandling.",
    ),
    "outcome_avvise": (
        "Statsforvalteren avviser klagen over vedtaket fra {office} datert {date}.",
        "Statsforvaltaren avviser klaga over vedtaket frå {office} datert {date}.",
    ),
    "new_amount": (
        "{name} har rett til kvalifiseringsstønad med {net} netto for perioden {period}.",
        "{name} har rett til kvalifiseringsstønad med {net} netto for perioden {period}.",
    ),
    "ugunst_note": (
        "Beregningen viser et lavere beløp enn det Nav-kontoret har utbetalt. Statsforvalteren "
        "endrer ikke vedtaket til ugunst for deg i denne saken, jf. forvaltningsloven § 34.",
        "Utrekninga viser eit lågare beløp enn det Nav-kontoret har betalt ut. Statsforvaltaren "
        "endrar ikkje vedtaket til ugunst for deg i denne saka, jf. forvaltningslova § 34.",
    ),
    # ---- subject and background ---------------------------------------------------------------
    "subject": (
        "Saken gjelder vedtak om {kind} av kvalifiseringsstønad for {periods}, jf. "
        "sosialtjenesteloven §§ 35 til 38.",
        "Saka gjeld vedtak om {kind} av kvalifiseringsstønad for {periods}, jf. "
        "sosialtenestelova §§ 35 til 38.",
    ),
    "subject_nav_net": (
        "Nav-kontoret fastsatte netto stønad til {nav_net} for perioden {period}.",
        "Nav-kontoret fastsette netto stønad til {nav_net} for perioden {period}.",
    ),
    "kind_innvilgelse": ("innvilgelse", "innvilging"),
    "kind_avslag": ("avslag", "avslag"),
    "kind_endring": ("endring", "endring"),
    "kind_stans": ("stans", "stans"),
    "kind_utbetaling": ("utbetaling", "utbetaling"),
    "kind_tilbakekreving": ("tilbakekreving", "tilbakekrevjing"),
    "bg_programme": (
        "{name} deltar i kvalifiseringsprogram i perioden {period}.",
        "{name} deltek i kvalifiseringsprogram i perioden {period}.",
    ),
    "bg_children": (
        "Nav-kontoret har lagt til grunn at {name} forsørger {n} barn.",
        "Nav-kontoret har lagt til grunn at {name} forsørgjer {n} barn.",
    ),
    "bg_work": (
        "Inntektsgivende arbeid ({kind}) {period}: {hours} timer.",
        "Inntektsgivande arbeid ({kind}) {period}: {hours} timar.",
    ),
    "bg_absence": (
        "Fravær {date}: {hours} timer, {valid}.",
        "Fråvær {date}: {hours} timar, {valid}.",
    ),
    "bg_benefit": (
        "{kind} {period}: {amount} per dag.",
        "{kind} {period}: {amount} per dag.",
    ),
    "bg_leave": (
        "Fravær uten kvalifiseringsstønad {period}.",
        "Fråvær utan kvalifiseringsstønad {period}.",
    ),
    "bg_note": ("Merknad: {text}", "Merknad: {text}"),
    "valid_true": ("gyldig fravær", "gyldig fråvær"),
    "valid_false": ("ugyldig fravær", "ugyldig fråvær"),
    "bg_nav_reasons": ("Nav-kontoret begrunnet vedtaket slik:", "Nav-kontoret grunngav vedtaket slik:"),
    "bg_nav_hjemler": ("Nav-kontoret viste til {hjemler}.", "Nav-kontoret viste til {hjemler}."),
    "work_arbeid": ("arbeid", "arbeid"),
    "work_omsorgsstonad": ("omsorgsstønad", "omsorgsstønad"),
    "work_laerling": ("lærlingelønn", "lærlingløn"),
    "work_fosterhjem": ("fosterhjemsgodtgjøring", "fosterheimsgodtgjersle"),
    "benefit_dagpenger": ("Dagpenger", "Dagpengar"),
    "benefit_sykepenger": ("Sykepenger", "Sjukepengar"),
    "benefit_foreldrepenger": ("Foreldrepenger", "Foreldrepengar"),
    "benefit_aap": ("Arbeidsavklaringspenger", "Arbeidsavklaringspengar"),
    "benefit_uforetrygd": ("Uføretrygd", "Uføretrygd"),
    "benefit_barnepensjon": ("Barnepensjon", "Barnepensjon"),
    "benefit_bostotte": ("Bostøtte", "Bustøtte"),
    "benefit_other": ("Annen ytelse ({kind})", "Anna yting ({kind})"),
    # ---- the appeal -------------------------------------------------------------------------
    "appeal_lead": ("Klageren har i hovedsak anført:", "Klagaren har i hovudsak gjort gjeldande:"),
    "nav_statement_lead": (
        "Nav-kontoret har i sin uttalelse til klagen skrevet:",
        "Nav-kontoret har i fråsegna si til klaga skrive:",
    ),
    "argument_n": ("Anførsel {n}", "Påstand {n}"),
    # ---- legal basis ------------------------------------------------------------------------
    "law_35": (
        "Etter sosialtjenesteloven § 35 har den som deltar i kvalifiseringsprogram, rett til "
        "kvalifiseringsstønad. Stønaden utgjør {factor} ganger grunnbeløpet (G) per år, og to "
        "tredjedeler av dette for deltakere under 25 år. Dagsatsen er årsbeløpet delt på 260. For hvert "
        "barn deltakeren forsørger, gis det et barnetillegg per stønadsdag, jf. forskrift om "
        "kvalifiseringsprogram og kvalifiseringsstønad § 3.",
        "Etter sosialtenestelova § 35 har den som deltek i kvalifiseringsprogram, rett til "
        "kvalifiseringsstønad. Stønaden utgjer {factor} gonger grunnbeløpet (G) per år, og to "
        "tredjedelar av dette for deltakarar under 25 år. Dagsatsen er årsbeløpet delt på 260. For kvart "
        "barn deltakaren forsørgjer, blir det gitt eit barnetillegg per stønadsdag, jf. forskrift om "
        "kvalifiseringsprogram og kvalifiseringsstønad § 3.",
    ),
    "law_36": (
        "Etter sosialtjenesteloven § 36 skal stønaden reduseres tilsvarende ved fravær som ikke skyldes "
        "sykdom eller andre tvingende velferdsgrunner, og som det ikke er gitt tillatelse til.",
        "Etter sosialtenestelova § 36 skal stønaden reduserast tilsvarande ved fråvær som ikkje skuldast "
        "sjukdom eller andre tvingande velferdsgrunnar, og som det ikkje er gitt løyve til.",
    ),
    "law_37": (
        "Etter sosialtjenesteloven § 37 skal stønaden, inkludert barnetillegg, reduseres forholdsmessig "
        "etter antall timer med inntektsgivende arbeid. Omsorgsstønad og lærlingelønn regnes som "
        "inntektsgivende arbeid; fosterhjemsgodtgjøring gjør ikke det.",
        "Etter sosialtenestelova § 37 skal stønaden, inkludert barnetillegg, reduserast forholdsmessig "
        "etter talet på timar med inntektsgivande arbeid. Omsorgsstønad og lærlingløn blir rekna som "
        "inntektsgivande arbeid; fosterheimsgodtgjersle blir ikkje det.",
    ),
    "law_38": (
        "Etter sosialtjenesteloven § 38 skal stønaden reduseres krone for krone mot dagpenger, "
        "sykepenger og foreldrepenger. Opplistingen er uttømmende; andre ytelser skal ikke samordnes "
        "etter denne bestemmelsen.",
        "Etter sosialtenestelova § 38 skal stønaden reduserast krone for krone mot dagpengar, "
        "sjukepengar og foreldrepengar. Oppramsinga er uttømmande; andre ytingar skal ikkje samordnast "
        "etter denne føresegna.",
    ),
    "law_48": (
        "Statsforvalteren kan prøve alle sider av vedtaket. Når det gjelder prøvingen av det frie "
        "skjønn, kan Statsforvalteren likevel bare endre vedtaket når skjønnet er «åpenbart urimelig», "
        "jf. sosialtjenesteloven § 48. Statsforvalteren skal legge stor vekt på hensynet til det "
        "kommunale selvstyret ved prøvingen av det frie skjønn, jf. forvaltningsloven § 34.",
        "Statsforvaltaren kan prøve alle sider av vedtaket. Når det gjeld prøvinga av det frie "
        "skjønnet, kan Statsforvaltaren likevel berre endre vedtaket når skjønnet er «openbert "
        "urimeleg», jf. sosialtenestelova § 48. Statsforvaltaren skal leggje stor vekt på omsynet til "
        "det kommunale sjølvstyret ved prøvinga av det frie skjønnet, jf. forvaltningslova § 34.",
    ),
    "law_admissibility": (
        "Klagefristen er tre uker fra vedtaket kom fram, jf. forvaltningsloven § 29. En klage som er "
        "kommet inn for sent, kan likevel behandles dersom parten ikke kan lastes for oversittelsen, "
        "eller det av særlige grunner er rimelig, jf. forvaltningsloven § 31.",
        "Klagefristen er tre veker frå vedtaket kom fram, jf. forvaltningslova § 29. Ei klage som har "
        "kome inn for seint, kan likevel handsamast dersom parten ikkje kan lastast for oversitjinga, "
        "eller det av særlege grunnar er rimeleg, jf. forvaltningslova § 31.",
    ),
    # ---- assessment -------------------------------------------------------------------------
    "tbl_period": ("Periode", "Periode"),
    "tbl_days": ("Stønads­dager", "Stønads­dagar"),
    "tbl_gross": ("Brutto", "Brutto"),
    "tbl_deductions": ("Fradrag", "Frådrag"),
    "tbl_net": ("Riktig netto", "Rett netto"),
    "tbl_nav_net": ("Nav netto", "Nav netto"),
    "tbl_diff": ("Differanse", "Differanse"),
    "tbl_total": ("Sum", "Sum"),
    "computation_lead": (
        "Statsforvalteren har beregnet stønaden for hver utbetalingsperiode. Beregningen er vist i "
        "detalj i vedlegget.",
        "Statsforvaltaren har rekna ut stønaden for kvar utbetalingsperiode. Utrekninga er vist i "
        "detalj i vedlegget.",
    ),
    "no_discrepancies": (
        "Statsforvalteren har ikke funnet feil i Nav-kontorets beregning.",
        "Statsforvaltaren har ikkje funne feil i utrekninga til Nav-kontoret.",
    ),
    "discrepancy_line": (
        "{label} ({category}), {hjemmel}, perioden {period}: Nav-kontoret la til grunn {nav}, "
        "riktig er {correct}.",
        "{label} ({category}), {hjemmel}, perioden {period}: Nav-kontoret la til grunn {nav}, "
        "rett er {correct}.",
    ),
    # the names of the categories and codes are the taxonomy's (workbench.appeal.taxonomy, docs/appeals.md §4);
    # these two name what it does not know
    "cat_other": ("annet", "anna"),
    "dc_other": ("Avvik ({code})", "Avvik ({code})"),
    "discretion_point": ("Skjønnspunkt {n}: {topic}", "Skjønnspunkt {n}: {topic}"),
    "discretion_free": (
        "Spørsmålet gjelder Nav-kontorets frie skjønn. Statsforvalteren har vurdert om skjønnet er "
        "«åpenbart urimelig», jf. sosialtjenesteloven § 48.",
        "Spørsmålet gjeld det frie skjønnet til Nav-kontoret. Statsforvaltaren har vurdert om skjønnet "
        "er «openbert urimeleg», jf. sosialtenestelova § 48.",
    ),
    "discretion_unreasonable_yes": (
        "Statsforvalteren finner at skjønnet er åpenbart urimelig.",
        "Statsforvaltaren finn at skjønnet er openbert urimeleg.",
    ),
    "discretion_unreasonable_no": (
        "Statsforvalteren finner ikke at skjønnet er åpenbart urimelig.",
        "Statsforvaltaren finn ikkje at skjønnet er openbert urimeleg.",
    ),
    "discretion_selvstyre": ("Kommunalt selvstyre:", "Kommunalt sjølvstyre:"),
    "discretion_legal": (
        "Spørsmålet er et rettsanvendelsesskjønn som Statsforvalteren prøver fullt ut.",
        "Spørsmålet er eit rettsbruksskjønn som Statsforvaltaren prøver fullt ut.",
    ),
    "discretion_faktum": (
        "Spørsmålet gjelder faktum, som Statsforvalteren fastsetter på grunnlag av sakens dokumenter.",
        "Spørsmålet gjeld faktum, som Statsforvaltaren fastset på grunnlag av dokumenta i saka.",
    ),
    "discretion_own": (
        "Spørsmålet gjelder Statsforvalterens eget skjønn som klageinstans.",
        "Spørsmålet gjeld det eigne skjønnet til Statsforvaltaren som klageinstans.",
    ),
    "late_appeal": (
        "Klagen kom inn {days} dager etter klagefristen, som gikk ut {deadline}.",
        "Klaga kom inn {days} dagar etter klagefristen, som gjekk ut {deadline}.",
    ),
    "late_excused": (
        "Statsforvalteren har likevel behandlet klagen, jf. forvaltningsloven § 31.",
        "Statsforvaltaren har likevel handsama klaga, jf. forvaltningslova § 31.",
    ),
    # ---- closing ----------------------------------------------------------------------------
    "finality": (
        "Vedtaket er endelig og kan ikke påklages, jf. forvaltningsloven § 28 tredje ledd.",
        "Vedtaket er endeleg og kan ikkje påklagast, jf. forvaltningslova § 28 tredje ledd.",
    ),
    "access": (
        "Du har rett til å se dokumentene i saken, jf. forvaltningsloven §§ 18 og 19.",
        "Du har rett til å sjå dokumenta i saka, jf. forvaltningslova §§ 18 og 19.",
    ),
    "costs": (
        "Vedtaket er endret til gunst for deg. Du kan derfor ha rett til å få dekket vesentlige "
        "kostnader som har vært nødvendige for å få endret vedtaket, jf. forvaltningsloven § 36. "
        "Kravet må settes fram for Statsforvalteren innen tre uker etter at du mottok dette vedtaket.",
        "Vedtaket er endra til gunst for deg. Du kan difor ha rett til å få dekt vesentlege kostnader "
        "som har vore naudsynte for å få endra vedtaket, jf. forvaltningslova § 36. Kravet må setjast "
        "fram for Statsforvaltaren innan tre veker etter at du fekk dette vedtaket.",
    ),
    "regards": ("Med hilsen", "Med helsing"),
    "title_caseworker": ("rådgiver", "rådgjevar"),
    "title_leader": ("seksjonsleder", "seksjonsleiar"),
    "ef": ("(e.f.)", "(e.f.)"),
    "electronic": (
        "Dokumentet er elektronisk godkjent og har derfor ingen underskrift.",
        "Dokumentet er elektronisk godkjent og har difor inga underskrift.",
    ),
    "copy_to": ("Kopi til", "Kopi til"),
    "annex": ("Vedlegg", "Vedlegg"),
    # ---- annex ------------------------------------------------------------------------------
    "annex_lead": (
        "Tallene nedenfor er hentet fra Statsforvalterens beregning. Beløp er vist i kroner og øre; "
        "netto stønad er avrundet til hele kroner for hver utbetalingsperiode.",
        "Tala nedanfor er henta frå utrekninga til Statsforvaltaren. Beløp er viste i kroner og øre; "
        "netto stønad er avrunda til heile kroner for kvar utbetalingsperiode.",
    ),
    "annex_period": ("Utbetalingsperioden {period}", "Utbetalingsperioden {period}"),
    "a_days": ("Stønadsdager", "Stønadsdagar"),
    "a_g": ("Grunnbeløp (G)", "Grunnbeløp (G)"),
    "a_factor": ("Faktor (årsbeløp = faktor × G)", "Faktor (årsbeløp = faktor × G)"),
    "a_base": ("Grunnstønad for perioden (§ 35)", "Grunnstønad for perioden (§ 35)"),
    "a_bt": ("Barnetillegg ({rate} per barn per stønadsdag)", "Barnetillegg ({rate} per barn per stønadsdag)"),
    "a_bt_none": ("Barnetillegg", "Barnetillegg"),
    "a_gross": ("Brutto stønad", "Brutto stønad"),
    "a_absence": ("Fradrag for ugyldig fravær", "Frådrag for ugyldig fråvær"),
    "a_work": (
        "Fradrag for inntektsgivende arbeid, {hours} timer",
        "Frådrag for inntektsgivande arbeid, {hours} timar",
    ),
    "a_samordning": (
        "Samordning med dagpenger, sykepenger og foreldrepenger",
        "Samordning med dagpengar, sjukepengar og foreldrepengar",
    ),
    "a_reduction": ("Fradrag", "Frådrag"),
    "d_range": ("Dager", "Dagar"),
    "d_days": ("Stønads­dager", "Stønads­dagar"),
    "d_annual": ("G × faktor", "G × faktor"),
    "d_u25": ("× 2/3 (under 25 år)", "× 2/3 (under 25 år)"),
    "d_rate": ("Dagsats", "Dagsats"),
    "d_bt": ("Barne­tillegg per dag", "Barne­tillegg per dag"),
    "d_bt_value": ("{n} × {rate}", "{n} × {rate}"),
    "d_base": ("Grunn­stønad", "Grunn­stønad"),
    "d_bt_sum": ("Barne­tillegg", "Barne­tillegg"),
    "a_net_unrounded": ("Netto før avrunding", "Netto før avrunding"),
    "a_net": ("Netto stønad, avrundet til hele kroner", "Netto stønad, avrunda til heile kroner"),
    "a_nav_net": ("Nav-kontorets netto", "Netto frå Nav-kontoret"),
    "a_diff": ("Differanse", "Differanse"),
    "a_missing": (
        "Beløpet kan ikke beregnes fordi en parameter mangler.",
        "Beløpet kan ikkje reknast ut fordi ein parameter manglar.",
    ),
    "a_params": ("Parametere og forutsetninger brukt i beregningen", "Parametrar og føresetnader brukt i utrekninga"),
    "a_param": ("Parameter", "Parameter"),
    "a_value": ("Verdi", "Verdi"),
    "a_basis": ("Grunnlag", "Grunnlag"),
    "basis_V": ("lovtekst", "lovtekst"),
    "basis_INF": ("utledet av lovtekst [INF]", "utleidd av lovtekst [INF]"),
    "basis_ASSUMPTION": ("faglig forutsetning [ASSUMPTION]", "fagleg føresetnad [ASSUMPTION]"),
    "basis_table": ("fastsatt sats", "fastsett sats"),
    "basis_NV": ("ikke verifisert [NV]", "ikkje verifisert [NV]"),
    "prm_G": ("Grunnbeløp (G)", "Grunnbeløp (G)"),
    "prm_factor": ("Faktor for årsbeløp", "Faktor for årsbeløp"),
    "prm_divisor": ("Stønadsdager per år (deler)", "Stønadsdagar per år (delar)"),
    "prm_barnetillegg_per_day": ("Barnetillegg per barn per dag", "Barnetillegg per barn per dag"),
    "prm_t_2041": ("Faktor 2,041 G gjelder fra", "Faktor 2,041 G gjeld frå"),
    "prm_count_holidays": (
        "Helligdager på hverdager regnes som stønadsdager",
        "Heilagdagar på kvardagar blir rekna som stønadsdagar",
    ),
    "prm_absence_method": ("Metode for fradrag ved fravær", "Metode for frådrag ved fråvær"),
    "prm_abs_reduces_bt": ("Fravær reduserer barnetillegget", "Fråvær reduserer barnetillegget"),
    "prm_under_25_full_rate_from": ("Full sats fra", "Full sats frå"),
    "prm_child_age_limit": ("Aldersgrense for barn", "Aldersgrense for barn"),
    "prm_rounding": ("Avrunding", "Avrunding"),
    "prm_stonadsdager_per_week": ("Stønadsdager per uke", "Stønadsdagar per veke"),
    "prm_hours_per_day": ("Timer per dag (full tid delt på 5)", "Timar per dag (full tid delt på 5)"),
    "prm_work_hours_split": ("Fordeling av arbeidstimer mellom perioder", "Fordeling av arbeidstimar mellom periodar"),
    "prm_r38_netting": ("Samordning etter § 38 beregnes", "Samordning etter § 38 blir rekna ut"),
    "prm_y_is_gross": ("Andre ytelser regnes brutto", "Andre ytingar blir rekna brutto"),
    "prm_r38_includes_bt": ("Samordning etter § 38 omfatter barnetillegget", "Samordning etter § 38 omfattar barnetillegget"),
    "prm_benefit_days": ("Dagsbeløp for andre ytelser gjelder", "Dagsbeløp for andre ytingar gjeld"),
    "prm_reduction_order": ("Rekkefølge for fradrag", "Rekkjefølgje for frådrag"),
    "prm_rounding_tolerance": ("Toleranse for avrunding", "Toleranse for avrunding"),
    "prm_holiday_treatment": ("Ferie fastsatt av kommunen", "Ferie fastsett av kommunen"),
    "prm_non_working_days": ("Dager som ikke er virkedager", "Dagar som ikkje er yrkedagar"),
    "prm_klagefrist_extension": ("Klagefrist som ender på en fridag", "Klagefrist som endar på ein fridag"),
    "prm_one_year_reference": ("Ettårsfristen regnes fra", "Eittårsfristen blir rekna frå"),
    "prm_fvl_2025_in_force": ("Ny forvaltningslov i kraft fra", "Ny forvaltningslov i kraft frå"),
    "v_true": ("ja", "ja"),
    "v_false": ("nei", "nei"),
    "v_hours": ("per time (timer / 7,5 av dagsatsen)", "per time (timar / 7,5 av dagsatsen)"),
    "v_whole_days": ("bare hele dager", "berre heile dagar"),
    "v_birthday": ("25-årsdagen", "25-årsdagen"),
    "v_next_month": ("måneden etter 25-årsdagen", "månaden etter 25-årsdagen"),
    "v_none": ("ikke satt", "ikkje sett"),
    "v_stonadsdager": ("fordelt på stønadsdagene", "fordelt på stønadsdagane"),
    "v_per_day": ("per dag, avgrenset til dagens stønad", "per dag, avgrensa til stønaden for dagen"),
    "v_per_period": ("per periode", "per periode"),
    "v_absence, work, samordning": ("fravær, arbeid, samordning", "fråvær, arbeid, samordning"),
    "v_net_per_period_half_up": (
        "netto avrundes én gang per periode til hele kroner, halv opp",
        "netto blir avrunda éin gong per periode til heile kroner, halv opp",
    ),
    "v_next_working_day": ("flyttes til neste virkedag", "blir flytt til neste yrkedag"),
    "v_decision_date_plus_one_calendar_year": ("vedtaksdatoen, pluss ett kalenderår", "vedtaksdatoen, pluss eitt kalenderår"),
    "v_saturday, sunday, Norwegian public holidays (holidays.NO)": (
        "lørdag, søndag og offentlige høytidsdager",
        "laurdag, sundag og offentlege høgtidsdagar",
    ),
    "v_holiday_treatment_stonadsdager": (
        "feriedager er stønadsdager uten fradrag",
        "feriedagar er stønadsdagar utan frådrag",
    ),
    "v_benefit_days_stonadsdager": ("hver stønadsdag i ytelsens periode", "kvar stønadsdag i perioden til ytinga"),
    "v_work_hours_split_stonadsdager": (
        "forholdsmessig etter stønadsdagene på hver side",
        "forholdsmessig etter stønadsdagane på kvar side",
    ),
    "v_fvl_2025_in_force_none": (
        "ikke satt: forvaltningsloven 1967 gjelder",
        "ikkje sett: forvaltningslova 1967 gjeld",
    ),
    # ---- the start text of the jurist's blocks (services.letters): the finalize gate refuses them -------
    "placeholder_faktum": (
        "<p>[Fyll inn: vurdering av faktum og utredning (forvaltningsloven § 17)]</p>",
        "<p>[Fyll inn: vurdering av faktum og utgreiing (forvaltningslova § 17)]</p>",
    ),
    "placeholder_saksbehandling": (
        "<p>[Fyll inn: vurdering av saksbehandlingen]</p>",
        "<p>[Fyll inn: vurdering av sakshandsaminga]</p>",
    ),
    "placeholder_lov": (
        "<p>[Fyll inn: vurdering av lovtolkning og rettsanvendelse]</p>",
        "<p>[Fyll inn: vurdering av lovtolking og rettsbruk]</p>",
    ),
    "placeholder_skjonn": (
        "<p>[Fyll inn: vurdering av skjønnet (sosialtjenesteloven § 48)]</p>",
        "<p>[Fyll inn: vurdering av skjønnet (sosialtenestelova § 48)]</p>",
    ),
    "placeholder_avvisning_ground": (
        "<p>[Fyll inn: hvorfor klagen avvises]</p>",
        "<p>[Fyll inn: kvifor klaga blir avvist]</p>",
    ),
}

#: Key families looked up with a computed suffix: prefix → what the suffix is. The code asks ``has(key)``
#: first and falls back where a suffix has no text (``cat_other``, ``dc_other``, ``benefit_other``, the
#: value or the engine's key as written); tests/texts/test_catalogue.py checks the suffixes the domain knows.
FAMILIES: Final[dict[str, str]] = {
    "outcome_": "an outcome (letters.model.OUTCOMES)",
    "kind_": "a decision kind (law.model.DecisionKind)",
    "work_": "a kind of work (law.model.WorkKind)",
    "benefit_": "a kind of benefit (law.model.BenefitKind; otherwise benefit_other)",
    "h_topic_": "a review topic (letters.model.TOPICS)",
    "prm_": "a parameter of the engine's assumption register (otherwise its key)",
    "basis_": "the status of a parameter: V, INF, ASSUMPTION, NV or table",
    "v_": "a parameter's value: v_<key>_<value>, v_<key>_none or v_<value> (otherwise the value formatted)",
    "placeholder_": "a jurist's letter block (services.letters.BLOCK_KEYS)",
}

#: The names of the acts as the engine writes them (bokmål) and in nynorsk, for provisions quoted from the
#: evaluation («sosialtjenesteloven § 37» → «sosialtenestelova § 37»).
LAW_NAMES: Final[tuple[tuple[str, str], ...]] = (
    ("sosialtjenesteloven", "sosialtenestelova"),
    ("forvaltningsloven", "forvaltningslova"),
)


class UnknownText(KeyError):
    """A key that is not in the catalogue: a typo, or a text not written yet."""


def text(key: str, lang: str, /, **values: object) -> str:
    """The text for ``key`` in ``lang`` ("nb" | "nn"), with ``values`` filled in (plain text).

    A no-break space follows every «§», so a line never breaks between «§» and its number."""
    if lang not in LANGS:
        raise ValueError(f"language must be nb or nn, not {lang!r}")
    try:
        pair = TEXTS[key]
    except KeyError:
        raise UnknownText(key) from None
    out = (pair[0] if lang == "nb" else pair[1]).replace("§ ", "§\u00a0")
    return out.format(**values) if values else out


def has(key: str) -> bool:
    """Whether the catalogue has ``key`` (for a key built from a family prefix, see :data:`FAMILIES`)."""
    return key in TEXTS


def law_names(provision: str, lang: str) -> str:
    """A provision as the engine writes it, with the act's name in ``lang``."""
    if lang == "nn":
        for nb, nn in LAW_NAMES:
            provision = provision.replace(nb, nn)
    return provision
