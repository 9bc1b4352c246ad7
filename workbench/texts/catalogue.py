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
- the act's provisions in the closing texts are placeholders (``{p_final}``, …) filled from
  ``workbench.letters.acts``, so the switch to the new forvaltningsloven is one table.

Key families looked up with a computed suffix (``kind_<decision kind>``, ``err_<discrepancy code>``, …) are
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
    "h_background": ("Sakens bakgrunn", "Bakgrunnen for saka"),
    "h_appeal": ("Klagen", "Klaga"),
    "h_legal": ("Rettslig grunnlag", "Rettsleg grunnlag"),
    "h_assessment": ("Statsforvalterens vurdering", "Statsforvaltaren si vurdering"),
    # ---- introduction -----------------------------------------------------------------------
    "intro_appeal": (
        "Vi viser til klagen din datert {sent} over vedtaket fra {office} datert {date}, ref. {ref}.",
        "Vi viser til klaga di datert {sent} over vedtaket frå {office} datert {date}, ref. {ref}.",
    ),
    "intro_appeal_rep": (
        "Vi viser til klagen datert {sent} som {rep} har sendt på dine vegne, over vedtaket fra {office} "
        "datert {date}, ref. {ref}.",
        "Vi viser til klaga datert {sent} som {rep} har sendt på dine vegner, over vedtaket frå {office} "
        "datert {date}, ref. {ref}.",
    ),
    "intro_forwarded": (
        "Nav-kontoret sendte saken til Statsforvalteren {forwarded}.",
        "Nav-kontoret sende saka til Statsforvaltaren {forwarded}.",
    ),
    "intro_received": (
        "Statsforvalteren mottok saken {received}.",
        "Statsforvaltaren tok imot saka {received}.",
    ),
    "intro_competence": (
        "Statsforvalteren er klageinstans for vedtak om kvalifiseringsstønad, jf. sosialtjenesteloven § 47.",
        "Statsforvaltaren er klageinstans for vedtak om kvalifiseringsstønad, jf. sosialtenestelova § 47.",
    ),
    "intro_delay": (
        "Det har gått mer enn tre måneder siden vi mottok saken. Målet er at klager på sosiale tjenester "
        "skal avgjøres innen tre måneder. Vi beklager at saksbehandlingen har tatt så lang tid.",
        "Det har gått meir enn tre månader sidan vi tok imot saka. Målet er at klager på sosiale tenester "
        "skal avgjerast innan tre månader. Vi beklagar at sakshandsaminga har teke så lang tid.",
    ),
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
        "Nav-kontoret for ny handsaming.",
    ),
    "outcome_avvise": (
        "Statsforvalteren avviser klagen over vedtaket fra {office} datert {date}.",
        "Statsforvaltaren avviser klaga over vedtaket frå {office} datert {date}.",
    ),
    "new_amount": (
        "Du har rett til {net} i kvalifiseringsstønad (netto) for perioden {period}.",
        "Du har rett til {net} i kvalifiseringsstønad (netto) for perioden {period}.",
    ),
    "pay_difference": (
        "Nav-kontoret skal betale deg differansen mellom dette og det du har fått utbetalt, {diff} til sammen.",
        "Nav-kontoret skal betale deg skilnaden mellom dette og det du har fått utbetalt, {diff} til saman.",
    ),
    "ugunst_no_repayment": (
        "Du skal ikke betale tilbake noe før Nav-kontoret eventuelt har gjort et eget vedtak om tilbakebetaling "
        "eller trekk, jf. sosialtjenesteloven § 40.",
        "Du skal ikkje betale tilbake noko før Nav-kontoret eventuelt har gjort eit eige vedtak om "
        "tilbakebetaling eller trekk, jf. sosialtenestelova § 40.",
    ),
    "ugunst_unchanged_short": (
        "Beregningen viser at du har fått {diff} mer enn loven gir rett til. Vedtaket blir likevel ikke "
        "endret til ugunst for deg, se nedenfor.",
        "Utrekninga viser at du har fått {diff} meir enn lova gir rett til. Vedtaket blir likevel ikkje "
        "endra til skade for deg, sjå nedanfor.",
    ),
    "ugunst_unchanged": (
        "Statsforvalteren har funnet at stønaden etter loven skulle vært {diff} lavere enn det Nav-kontoret "
        "fastsatte. Et vedtak kan bare endres til skade for den som klager, når klagerens interesser må vike "
        "for hensynet til andre personer eller offentlige interesser, og klageren har fått varsel om endringen "
        "innen tre måneder etter at Nav-kontoret mottok klagen, jf. forvaltningsloven {p_reformatio}. Disse "
        "vilkårene er ikke oppfylt. Statsforvalteren endrer derfor ikke vedtaket, og du skal ikke betale noe "
        "tilbake som følge av denne klagesaken.",
        "Statsforvaltaren har funne at stønaden etter lova skulle ha vore {diff} lågare enn det Nav-kontoret "
        "fastsette. Eit vedtak kan berre endrast til skade for den som klagar, når interessene til klagaren må "
        "vike for omsynet til andre personar eller offentlege interesser, og klagaren har fått varsel om "
        "endringa innan tre månader etter at Nav-kontoret tok imot klaga, jf. forvaltningslova {p_reformatio}. "
        "Desse vilkåra er ikkje oppfylte. Statsforvaltaren endrar difor ikkje vedtaket, og du skal ikkje betale "
        "noko tilbake som følgje av denne klagesaka.",
    ),
    "ugunst_changed": (
        "Statsforvalteren har funnet at stønaden etter loven skal være {diff} lavere enn det Nav-kontoret "
        "fastsatte. Du fikk varsel om dette {varsel}, og Statsforvalteren har kommet til at hensynet til "
        "offentlige interesser må gå foran, jf. forvaltningsloven {p_reformatio}.",
        "Statsforvaltaren har funne at stønaden etter lova skal vere {diff} lågare enn det Nav-kontoret "
        "fastsette. Du fekk varsel om dette {varsel}, og Statsforvaltaren har kome til at omsynet til "
        "offentlege interesser må gå føre, jf. forvaltningslova {p_reformatio}.",
    ),
    # ---- subject and background ---------------------------------------------------------------
    "subject": (
        "Saken gjelder vedtak om {kind} av kvalifiseringsstønad for {periods}.",
        "Saka gjeld vedtak om {kind} av kvalifiseringsstønad for {periods}.",
    ),
    "subject_nav_net": (
        "Nav-kontoret fastsatte netto stønad til {nav_net} for perioden {period}.",
        "Nav-kontoret fastsette netto stønad til {nav_net} for perioden {period}.",
    ),
    "kind_innvilgelse": ("innvilgelse", "løyving"),
    "kind_avslag": ("avslag", "avslag"),
    "kind_endring": ("endring", "endring"),
    "kind_stans": ("stans", "stans"),
    "kind_utbetaling": ("utbetaling", "utbetaling"),
    "kind_tilbakekreving": ("tilbakekreving", "tilbakebetaling"),
    "bg_programme": (
        "Du deltar i kvalifiseringsprogram i perioden {period}.",
        "Du deltek i kvalifiseringsprogram i perioden {period}.",
    ),
    "bg_children": (
        "Nav-kontoret har lagt til grunn at du forsørger {n} barn.",
        "Nav-kontoret har lagt til grunn at du forsørgjer {n} barn.",
    ),
    "bg_facts_lead": ("Nav-kontoret la dette til grunn:", "Nav-kontoret la dette til grunn:"),
    "bg_work": (
        "{kind} i perioden {period}: {hours} timer.",
        "{kind} i perioden {period}: {hours} timar.",
    ),
    "bg_absence": (
        "Fravær {date}: {hours} timer, {valid}.",
        "Fråvær {date}: {hours} timar, {valid}.",
    ),
    "bg_benefit": (
        "{kind} i perioden {period}: {amount} per dag.",
        "{kind} i perioden {period}: {amount} per dag.",
    ),
    "bg_leave": (
        "Permisjon uten kvalifiseringsstønad i perioden {period}.",
        "Permisjon utan kvalifiseringsstønad i perioden {period}.",
    ),
    "bg_note": ("Merknad: {text}", "Merknad: {text}"),
    "valid_true": ("med tillatelse", "med løyve"),
    "valid_false": ("uten tillatelse", "utan løyve"),
    "bg_nav_reasons": ("Nav-kontoret begrunnet vedtaket slik:", "Nav-kontoret grunngav vedtaket slik:"),
    "bg_nav_hjemler": ("Nav-kontoret viste til {hjemler}.", "Nav-kontoret viste til {hjemler}."),
    "work_arbeid": ("Inntektsgivende arbeid", "Inntektsgivande arbeid"),
    "work_omsorgsstonad": ("Omsorgsstønad", "Omsorgsstønad"),
    "work_laerling": ("Læretid med lærlingelønn", "Læretid med lærlingløn"),
    "work_fosterhjem": ("Fosterhjemsgodtgjøring", "Fosterheimsgodtgjersle"),
    "benefit_dagpenger": ("Dagpenger", "Dagpengar"),
    "benefit_sykepenger": ("Sykepenger", "Sjukepengar"),
    "benefit_foreldrepenger": ("Foreldrepenger", "Foreldrepengar"),
    "benefit_aap": ("Arbeidsavklaringspenger", "Arbeidsavklaringspengar"),
    "benefit_uforetrygd": ("Uføretrygd", "Uføretrygd"),
    "benefit_barnepensjon": ("Barnepensjon", "Barnepensjon"),
    "benefit_bostotte": ("Bostøtte", "Bustøtte"),
    "benefit_overgangsstonad": ("Overgangsstønad", "Overgangsstønad"),
    "benefit_barnetrygd": ("Barnetrygd", "Barnetrygd"),
    "benefit_kontantstotte": ("Kontantstøtte", "Kontantstøtte"),
    "benefit_barnebidrag": ("Barnebidrag", "Barnebidrag"),
    "benefit_stipend": ("Stipend", "Stipend"),
    "benefit_tilleggsstonad": ("Tilleggsstønad", "Tilleggsstønad"),
    "benefit_annen": ("En annen ytelse", "Ei anna yting"),
    "benefit_other": ("En annen ytelse", "Ei anna yting"),
    # ---- the appeal -------------------------------------------------------------------------
    "appeal_lead": ("Du har i hovedsak anført:", "Du har i hovudsak gjort gjeldande:"),
    "appeal_lead_none": (
        "Klagen inneholder ingen særskilte anførsler ut over at du er uenig i vedtaket.",
        "Klaga inneheld ingen særskilde påstandar ut over at du er usamd i vedtaket.",
    ),
    "nav_statement_lead": (
        "Nav-kontoret har i sin uttalelse til klagen skrevet:",
        "Nav-kontoret har i fråsegna si til klaga skrive:",
    ),
    "argument_n": ("Anførsel {n}", "Påstand {n}"),
    # ---- legal basis ------------------------------------------------------------------------
    "law_35": (
        "Etter sosialtjenesteloven § 35 har den som deltar i kvalifiseringsprogram, rett til "
        "kvalifiseringsstønad. Stønaden er {factor} ganger folketrygdens grunnbeløp (G) per år. Deltakere under "
        "25 år får to tredjedeler av dette. Stønaden per dag er 1/260 av årsbeløpet.",
        "Etter sosialtenestelova § 35 har den som deltek i kvalifiseringsprogram, rett til "
        "kvalifiseringsstønad. Stønaden er {factor} gonger grunnbeløpet i folketrygda (G) per år. Deltakarar "
        "under 25 år får to tredjedelar av dette. Stønaden per dag er 1/260 av årsbeløpet.",
    ),
    "law_bt": (
        "Den som forsørger barn, får et barnetillegg for hvert barn for fem dager i uken. Som barn regnes egne "
        "barn og fosterbarn, jf. forskrift om kvalifiseringsprogram og kvalifiseringsstønad § 3.",
        "Den som forsørgjer barn, får eit barnetillegg for kvart barn for fem dagar i veka. Som barn blir rekna "
        "eigne barn og fosterbarn, jf. forskrift om kvalifiseringsprogram og kvalifiseringsstønad § 3.",
    ),
    "law_36": (
        "Etter sosialtjenesteloven § 36 reduseres stønaden tilsvarende ved fravær. Det gjelder ikke fravær som "
        "skyldes sykdom eller andre tvingende velferdsgrunner, og som det er gitt tillatelse til.",
        "Etter sosialtenestelova § 36 blir stønaden redusert tilsvarande ved fråvær. Det gjeld ikkje fråvær som "
        "kjem av sjukdom eller andre tvingande velferdsgrunnar, og som det er gitt løyve til.",
    ),
    "law_37": (
        "Etter sosialtjenesteloven § 37 reduseres stønaden, inkludert barnetillegg, når du har inntektsgivende "
        "arbeid eller lærlingelønn. Reduksjonen beregnes etter antall timer med arbeid, ikke etter hvor mye du "
        "tjener.",
        "Etter sosialtenestelova § 37 blir stønaden, inkludert barnetillegg, redusert når du har "
        "inntektsgivande arbeid eller lærlingløn. Reduksjonen blir rekna ut etter talet på timar med arbeid, "
        "ikkje etter kor mykje du tener.",
    ),
    "law_37_omsorg": (
        "Arbeids- og velferdsdirektoratet har i et brev fra 2025, etter avklaring med Arbeids- og "
        "inkluderingsdepartementet 4. juli 2025, lagt til grunn at kommunal omsorgsstønad er inntektsgivende "
        "arbeid etter § 37. Dette er forvaltningens tolkning av loven, og Statsforvalteren legger den til grunn.",
        "Arbeids- og velferdsdirektoratet har i eit brev frå 2025, etter avklaring med Arbeids- og "
        "inkluderingsdepartementet 4. juli 2025, lagt til grunn at kommunal omsorgsstønad er inntektsgivande "
        "arbeid etter § 37. Dette er tolkinga forvaltninga har av lova, og Statsforvaltaren legg henne til "
        "grunn.",
    ),
    "law_38": (
        "Etter sosialtjenesteloven § 38 reduseres stønaden i den utstrekning du har rett til dagpenger, "
        "sykepenger eller foreldrepenger. Andre ytelser skal ikke samordnes etter denne bestemmelsen.",
        "Etter sosialtenestelova § 38 blir stønaden redusert i den utstrekninga du har rett til dagpengar, "
        "sjukepengar eller foreldrepengar. Andre ytingar skal ikkje samordnast etter denne føresegna.",
    ),
    "law_48": (
        "Statsforvalteren kan prøve alle sider av vedtaket. Når det gjelder Nav-kontorets frie skjønn, kan "
        "Statsforvalteren bare endre vedtaket når skjønnet er åpenbart urimelig, jf. sosialtjenesteloven § 48. "
        "Statsforvalteren skal da legge stor vekt på hensynet til det kommunale selvstyret, jf. "
        "forvaltningsloven {p_self_government}.",
        "Statsforvaltaren kan prøve alle sider av vedtaket. Når det gjeld det frie skjønnet til Nav-kontoret, "
        "kan Statsforvaltaren berre endre vedtaket når skjønnet er openbert urimeleg, jf. sosialtenestelova "
        "§ 48. Statsforvaltaren skal då leggje stor vekt på omsynet til det kommunale sjølvstyret, jf. "
        "forvaltningslova {p_self_government}.",
    ),
    "law_klagefrist": (
        "Fristen for å klage er tre uker fra vedtaket kom fram til deg, jf. forvaltningsloven {p_klagefrist}. "
        "Det er nok at klagen er sendt før fristen går ut, jf. {p_sent}.",
        "Fristen for å klage er tre veker frå vedtaket kom fram til deg, jf. forvaltningslova {p_klagefrist}. "
        "Det er nok at klaga er send før fristen går ut, jf. {p_sent}.",
    ),
    "law_late": (
        "En klage som er sendt etter fristen, kan likevel behandles dersom du ikke kan lastes for at fristen "
        "ble oversittet, eller dersom det av særlige grunner er rimelig at klagen blir prøvd, jf. "
        "forvaltningsloven § 31 første ledd.",
        "Ei klage som er send etter fristen, kan likevel handsamast dersom du ikkje kan lastast for at klaga kom "
        "for seint, eller dersom det av særlege grunnar er rimeleg at klaga blir prøvd, jf. "
        "forvaltningslova § 31 første ledd.",
    ),
    "law_one_year": (
        "En klage kan ikke behandles dersom det er gått mer enn ett år siden vedtaket ble truffet, jf. "
        "forvaltningsloven {p_one_year}.",
        "Ei klage kan ikkje handsamast dersom det har gått meir enn eitt år sidan vedtaket vart gjort, jf. "
        "forvaltningslova {p_one_year}.",
    ),
    # ---- assessment: timeliness ---------------------------------------------------------------
    "h_timeliness": ("Klagefristen", "Klagefristen"),
    "day_one": ("dag", "dag"),
    "day_many": ("dager", "dagar"),
    "timely": (
        "Klagen er fremsatt i tide. Vedtaket kom fram til deg {notice}, klagefristen gikk ut {deadline}, og "
        "klagen ble sendt {sent}.",
        "Klaga er sett fram i tide. Vedtaket kom fram til deg {notice}, klagefristen gjekk ut {deadline}, og "
        "klaga vart send {sent}.",
    ),
    "timely_no_notice": (
        "Klagen er fremsatt i tide. Vedtaket er datert {date}, og klagen ble sendt {sent}, før klagefristen "
        "gikk ut {deadline}.",
        "Klaga er sett fram i tide. Vedtaket er datert {date}, og klaga vart send {sent}, før klagefristen "
        "gjekk ut {deadline}.",
    ),
    "late_sent": (
        "Klagefristen gikk ut {deadline}. Klagen ble sendt {sent}, {days} etter fristen.",
        "Klagefristen gjekk ut {deadline}. Klaga vart send {sent}, {days} etter fristen.",
    ),
    "late_heard_a": (
        "Statsforvalteren har likevel behandlet klagen, fordi du ikke kan lastes for at fristen ble "
        "oversittet, jf. forvaltningsloven {p_late}.",
        "Statsforvaltaren har likevel handsama klaga, fordi du ikkje kan lastast for at klaga kom "
        "for seint, jf. forvaltningslova {p_late}.",
    ),
    "late_heard_b": (
        "Statsforvalteren har likevel behandlet klagen, fordi det av særlige grunner er rimelig at den blir "
        "prøvd, jf. forvaltningsloven {p_late}.",
        "Statsforvaltaren har likevel handsama klaga, fordi det av særlege grunnar er rimeleg at ho blir "
        "prøvd, jf. forvaltningslova {p_late}.",
    ),
    "late_not_heard": (
        "Statsforvalteren har vurdert om klagen likevel kan behandles, og har kommet til at vilkårene i "
        "forvaltningsloven § 31 første ledd ikke er oppfylt.",
        "Statsforvaltaren har vurdert om klaga likevel kan handsamast, og har kome til at vilkåra i "
        "forvaltningslova § 31 første ledd ikkje er oppfylte.",
    ),
    "over_one_year": (
        "Vedtaket er datert {date}. Klagen ble sendt {sent}, mer enn ett år etter vedtaket. Da kan klagen ikke "
        "behandles, uansett grunnen til at den kom for sent, jf. forvaltningsloven {p_one_year}. "
        "Statsforvalteren må derfor avvise klagen.",
        "Vedtaket er datert {date}. Klaga vart send {sent}, meir enn eitt år etter vedtaket. Då kan klaga ikkje "
        "handsamast, same kva grunnen er til at ho kom for seint, jf. forvaltningslova {p_one_year}. "
        "Statsforvaltaren må difor avvise klaga.",
    ),
    # ---- assessment: the computation and Nav's errors ------------------------------------------------
    "h_computation": ("Beregningen", "Utrekninga"),
    "h_errors": ("Feil i Nav-kontorets vedtak", "Feil i vedtaket frå Nav-kontoret"),
    "h_reasons": ("Statsforvalterens begrunnelse", "Grunngjevinga til Statsforvaltaren"),
    "h_arguments": ("Svar på anførslene dine", "Svar på påstandane dine"),
    "h_discretion": ("Skjønnsmessige vurderinger", "Skjønnsmessige vurderingar"),
    "h_topic_faktum": ("Faktum og utredning", "Faktum og utgreiing"),
    "h_topic_saksbehandling": ("Saksbehandlingen", "Sakshandsaminga"),
    "h_topic_lov": ("Rettsanvendelsen", "Rettsbruken"),
    "h_topic_skjonn": ("Skjønnsutøvelsen", "Skjønnsutøvinga"),
    "tbl_period": ("Periode", "Periode"),
    "tbl_days": ("Stønads­dager", "Stønads­dagar"),
    "tbl_gross": ("Brutto", "Brutto"),
    "tbl_deductions": ("Fradrag", "Frådrag"),
    "tbl_net": ("Riktig netto", "Rett netto"),
    "tbl_nav_net": ("Nav-kontorets netto", "Netto frå Nav-kontoret"),
    "tbl_diff": ("Differanse", "Skilnad"),
    "tbl_total": ("Sum", "Sum"),
    "computation_lead": (
        "Statsforvalteren har beregnet stønaden for hver utbetalingsperiode. Beregningen er vist i detalj i "
        "vedlegget.",
        "Statsforvaltaren har rekna ut stønaden for kvar utbetalingsperiode. Utrekninga er vist i detalj i "
        "vedlegget.",
    ),
    "no_errors": (
        "Statsforvalteren har ikke funnet feil i Nav-kontorets beregning.",
        "Statsforvaltaren har ikkje funne feil i utrekninga til Nav-kontoret.",
    ),
    "err_in_period": ("Perioden {period}: ", "Perioden {period}: "),
    "err_figures": (
        "Nav-kontoret fastsatte {what} til {nav}; riktig er {correct} ({provision}).",
        "Nav-kontoret fastsette {what} til {nav}; rett er {correct} ({provision}).",
    ),
    "err_hjemmel": (
        "Nav-kontoret brukte {nav} som hjemmel; riktig hjemmel er {correct}.",
        "Nav-kontoret brukte {nav} som heimel; rett heimel er {correct}.",
    ),
    "what_gross": ("brutto stønad", "brutto stønad"),
    "what_gross_base": ("grunnstønad", "grunnstønad"),
    "what_barnetillegg": ("barnetillegg", "barnetillegg"),
    "what_net": ("netto stønad", "netto stønad"),
    "what_work": ("fradraget for arbeid", "frådraget for arbeid"),
    "what_absence": ("trekket for fravær", "trekket for fråvær"),
    "what_samordning": ("samordningsfradraget", "samordningsfrådraget"),
    "what_stonadsdager": ("antall stønadsdager", "talet på stønadsdagar"),
    "what_other": ("beløpet", "beløpet"),
    "err_wrong-g": (
        "Nav-kontoret brukte feil grunnbeløp (G). Stønaden skal regnes av det grunnbeløpet som gjaldt den "
        "enkelte dagen.",
        "Nav-kontoret brukte feil grunnbeløp (G). Stønaden skal reknast av det grunnbeløpet som galdt den "
        "einskilde dagen.",
    ),
    "err_g_new_before_may": (
        "Nav-kontoret brukte det nye grunnbeløpet (G) for hele perioden, også for dagene før 1. mai. "
        "Grunnbeløpet endres fra 1. mai, og dagene før 1. mai skal regnes med det forrige grunnbeløpet.",
        "Nav-kontoret brukte det nye grunnbeløpet (G) for heile perioden, også for dagane før 1. mai. "
        "Grunnbeløpet blir endra frå 1. mai, og dagane før 1. mai skal reknast med det førre grunnbeløpet.",
    ),
    "err_g_old_after_may": (
        "Nav-kontoret brukte det forrige grunnbeløpet (G) også for dagene fra og med 1. mai. Grunnbeløpet "
        "endres fra 1. mai, og fra da skal det nye grunnbeløpet brukes.",
        "Nav-kontoret brukte det førre grunnbeløpet (G) også for dagane frå og med 1. mai. Grunnbeløpet blir "
        "endra frå 1. mai, og frå då skal det nye grunnbeløpet brukast.",
    ),
    "err_wrong-factor": (
        "Nav-kontoret regnet årsbeløpet med feil faktor. Fra 1. juli 2024 er stønaden 2,041 ganger "
        "grunnbeløpet per år.",
        "Nav-kontoret rekna årsbeløpet med feil faktor. Frå 1. juli 2024 er stønaden 2,041 gonger grunnbeløpet "
        "per år.",
    ),
    "err_u25_full": (
        "Nav-kontoret ga full sats for hele perioden, men du var under 25 år på noen av dagene. Deltakere under "
        "25 år får to tredjedeler av stønaden.",
        "Nav-kontoret gav full sats for heile perioden, men du var under 25 år på nokre av dagane. Deltakarar "
        "under 25 år får to tredjedelar av stønaden.",
    ),
    "err_u25_reduced": (
        "Nav-kontoret ga redusert sats også for dager da du var fylt 25 år. Fra du fyller 25 år, skal du ha "
        "full sats.",
        "Nav-kontoret gav redusert sats også for dagar då du hadde fylt 25 år. Frå du fyller 25 år, skal du ha "
        "full sats.",
    ),
    "err_wrong-barnetillegg": (
        "Nav-kontoret beregnet barnetillegget feil. Det gis barnetillegg for hvert barn du forsørger, for fem "
        "dager i uken.",
        "Nav-kontoret rekna ut barnetillegget feil. Det blir gitt barnetillegg for kvart barn du forsørgjer, "
        "for fem dagar i veka.",
    ),
    "err_wrong-stonadsdager": (
        "Nav-kontoret la til grunn feil antall stønadsdager. Det er fem stønadsdager i uken, også når en "
        "helligdag faller på en hverdag.",
        "Nav-kontoret la til grunn feil tal på stønadsdagar. Det er fem stønadsdagar i veka, også når ein "
        "heilagdag fell på ein kvardag.",
    ),
    "err_omsorg_as_38": (
        "Nav-kontoret behandlet omsorgsstønaden din som en ytelse som skal samordnes etter "
        "sosialtjenesteloven § 38, og trakk {nav_amount} krone for krone. Omsorgsstønad er ikke dagpenger, "
        "sykepenger eller foreldrepenger. Den regnes som inntektsgivende arbeid etter § 37, og da skal "
        "stønaden reduseres etter antall timer.",
        "Nav-kontoret handsama omsorgsstønaden din som ei yting som skal samordnast etter sosialtenestelova "
        "§ 38, og trekte {nav_amount} krone for krone. Omsorgsstønad er ikkje dagpengar, sjukepengar eller "
        "foreldrepengar. Han blir rekna som inntektsgivande arbeid etter § 37, og då skal stønaden reduserast "
        "etter talet på timar.",
    ),
    "err_work_method": (
        "Nav-kontoret beregnet fradraget for arbeid på en annen måte enn loven gir anvisning på. Etter "
        "sosialtjenesteloven § 37 skal stønaden, inkludert barnetillegg, reduseres i forhold til antall timer "
        "med arbeid.",
        "Nav-kontoret rekna ut frådraget for arbeid på ein annan måte enn lova gir tilvising på. Etter "
        "sosialtenestelova § 37 skal stønaden, inkludert barnetillegg, reduserast i høve til talet på timar med "
        "arbeid.",
    ),
    "err_work_computation": (
        "Du arbeidet {hours} timer i perioden. En full stønadsdag svarer til {per_day} timer, og perioden har "
        "{days} stønadsdager, til sammen {capacity} timer. Stønaden på {gross} skal derfor reduseres med "
        "{hours} av {capacity} timer, det vil si {amount}.",
        "Du arbeidde {hours} timar i perioden. Ein full stønadsdag svarar til {per_day} timar, og perioden har "
        "{days} stønadsdagar, til saman {capacity} timar. Stønaden på {gross} skal difor reduserast med "
        "{hours} av {capacity} timar, det vil seie {amount}.",
    ),
    "err_wrong-absence-reduction": (
        "Nav-kontoret trakk for hele dager også der fraværet var kortere enn en full dag. Etter "
        "sosialtjenesteloven § 36 skal stønaden reduseres «tilsvarende» fraværet, det vil si etter antall "
        "timer du var borte.",
        "Nav-kontoret trekte for heile dagar også der fråværet var kortare enn ein full dag. Etter "
        "sosialtenestelova § 36 skal stønaden reduserast «tilsvarande» fråværet, det vil seie etter talet på "
        "timar du var borte.",
    ),
    "err_non-coordinable-benefit-deducted": (
        "Nav-kontoret samordnet stønaden med en ytelse som ikke skal samordnes. Etter sosialtjenesteloven § 38 "
        "reduseres stønaden bare mot dagpenger, sykepenger og foreldrepenger.",
        "Nav-kontoret samordna stønaden med ei yting som ikkje skal samordnast. Etter sosialtenestelova § 38 "
        "blir stønaden berre redusert mot dagpengar, sjukepengar og foreldrepengar.",
    ),
    "err_absence-without-reservation": (
        "Nav-kontoret trakk for fravær uten at vedtaket om kvalifiseringsstønad tok forbehold om slikt trekk.",
        "Nav-kontoret trekte for fråvær utan at vedtaket om kvalifiseringsstønad tok atterhald om slikt trekk.",
    ),
    "err_wrong-samordning": (
        "Nav-kontoret samordnet et feil beløp. Stønaden for en dag reduseres med ytelsen for den samme dagen, "
        "men ikke med mer enn stønaden for dagen.",
        "Nav-kontoret samordna eit feil beløp. Stønaden for ein dag blir redusert med ytinga for same dagen, "
        "men ikkje med meir enn stønaden for dagen.",
    ),
    "err_deduction-without-legal-basis": (
        "Nav-kontoret gjorde et fradrag som ikke har hjemmel i sosialtjenesteloven §§ 36 til 38.",
        "Nav-kontoret gjorde eit frådrag som ikkje har heimel i sosialtenestelova §§ 36 til 38.",
    ),
    "err_wrong-gross": ("Nav-kontoret beregnet brutto stønad feil.", "Nav-kontoret rekna ut brutto stønad feil."),
    "err_wrong-net": ("Nav-kontoret beregnet netto stønad feil.", "Nav-kontoret rekna ut netto stønad feil."),
    "err_other": ("Nav-kontorets beregning avviker fra loven.", "Utrekninga til Nav-kontoret avvik frå lova."),
    "info_g_after_decision": (
        "Grunnbeløpet ble endret etter at Nav-kontoret traff vedtaket. Det er ikke en feil fra Nav-kontoret, "
        "men stønaden skal regnes med det grunnbeløpet som gjelder for den enkelte dagen.",
        "Grunnbeløpet vart endra etter at Nav-kontoret gjorde vedtaket. Det er ikkje ein feil frå "
        "Nav-kontoret, men stønaden skal reknast med det grunnbeløpet som gjeld for den einskilde dagen.",
    ),
    "s48_yes": (
        "Statsforvalteren finner at Nav-kontorets skjønn er åpenbart urimelig.",
        "Statsforvaltaren finn at skjønnet til Nav-kontoret er openbert urimeleg.",
    ),
    "s48_no": (
        "Statsforvalteren finner ikke at Nav-kontorets skjønn er åpenbart urimelig.",
        "Statsforvaltaren finn ikkje at skjønnet til Nav-kontoret er openbert urimeleg.",
    ),
    # ---- closing ----------------------------------------------------------------------------
    "h_decision": ("Statsforvalterens vedtak", "Statsforvaltaren sitt vedtak"),
    "h_conclusion": ("Konklusjon", "Konklusjon"),
    "h_finality": ("Klageadgang", "Klagetilgang"),
    "h_access": ("Innsyn", "Innsyn"),
    "h_costs": ("Sakskostnader", "Sakskostnader"),
    "h_ombud": ("Sivilombudet", "Sivilombodet"),
    "finality": (
        "Dette vedtaket er endelig og kan ikke påklages, jf. forvaltningsloven {p_final}.",
        "Dette vedtaket er endeleg og kan ikkje påklagast, jf. forvaltningslova {p_final}.",
    ),
    "finality_avvise_appealable": (
        "Du kan klage på vedtaket om å avvise klagen, jf. forvaltningsloven {p_dismissal}. Fristen for å klage "
        "er tre uker fra du mottok dette brevet. Klagen skal sendes til Statsforvalteren, jf. {p_where}. Skriv "
        "hva du mener er feil, og hvorfor.",
        "Du kan klage på vedtaket om å avvise klaga, jf. forvaltningslova {p_dismissal}. Fristen for å klage "
        "er tre veker frå du fekk dette brevet. Klaga skal sendast til Statsforvaltaren, jf. {p_where}. Skriv "
        "kva du meiner er feil, og kvifor.",
    ),
    "finality_avvise_a": (
        "Vedtaket om å avvise klagen er endelig og kan ikke påklages, fordi Nav-kontoret også avviste klagen, "
        "jf. forvaltningsloven {p_dismissal_a}.",
        "Vedtaket om å avvise klaga er endeleg og kan ikkje påklagast, fordi Nav-kontoret også avviste klaga, "
        "jf. forvaltningslova {p_dismissal_a}.",
    ),
    "finality_avvise_b": (
        "Vedtaket om å avvise klagen er endelig og kan ikke påklages, fordi Nav-kontoret har vurdert om klagen "
        "kunne behandles, og kom til at den kunne det, jf. forvaltningsloven {p_dismissal_b}.",
        "Vedtaket om å avvise klaga er endeleg og kan ikkje påklagast, fordi Nav-kontoret har vurdert om klaga "
        "kunne handsamast, og kom til at ho kunne det, jf. forvaltningslova {p_dismissal_b}.",
    ),
    "access": (
        "Du har rett til å se dokumentene i saken, jf. forvaltningsloven {p_access}.",
        "Du har rett til å sjå dokumenta i saka, jf. forvaltningslova {p_access}.",
    ),
    "costs": (
        "Vedtaket er endret til gunst for deg. Du kan derfor ha rett til å få dekket vesentlige kostnader som "
        "har vært nødvendige for å få endret vedtaket, jf. forvaltningsloven {p_costs}. Kravet må settes fram "
        "for Statsforvalteren innen tre uker etter at du mottok dette vedtaket.",
        "Vedtaket er endra til gunst for deg. Du kan difor ha rett til å få dekt vesentlege kostnader som har "
        "vore naudsynte for å få endra vedtaket, jf. forvaltningslova {p_costs}. Kravet må setjast fram for "
        "Statsforvaltaren innan tre veker etter at du fekk dette vedtaket.",
    ),
    "ombud": (
        "Dersom du mener at Statsforvalteren har gjort feil, kan du be Sivilombudet undersøke saken, jf. "
        "sivilombudsloven. Sivilombudet kan ikke endre vedtaket, men kan uttale seg om det. Fristen for å klage "
        "til Sivilombudet er ett år etter at du mottok dette vedtaket.",
        "Dersom du meiner at Statsforvaltaren har gjort feil, kan du be Sivilombodet undersøkje saka, jf. "
        "sivilombodslova. Sivilombodet kan ikkje endre vedtaket, men kan uttale seg om det. Fristen for å klage "
        "til Sivilombodet er eitt år etter at du fekk dette vedtaket.",
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
    "h_annex": ("Vedlegg: Slik er stønaden beregnet", "Vedlegg: Slik er stønaden rekna ut"),
    "annex_name": ("Slik er stønaden beregnet", "Slik er stønaden rekna ut"),
    "annex_lead": (
        "Tallene nedenfor viser Statsforvalterens beregning. Beløp er vist i kroner og øre; netto stønad er "
        "avrundet til hele kroner for hver utbetalingsperiode.",
        "Tala nedanfor viser utrekninga til Statsforvaltaren. Beløp er viste i kroner og øre; netto stønad er "
        "avrunda til heile kroner for kvar utbetalingsperiode.",
    ),
    "annex_period": ("Utbetalingsperioden {period}", "Utbetalingsperioden {period}"),
    "d_range": ("Dager", "Dagar"),
    "d_days": ("Stønads­dager", "Stønads­dagar"),
    "d_annual": ("Årsbeløp", "Årsbeløp"),
    "d_annual_value": ("{g} × {factor}", "{g} × {factor}"),
    "d_u25": ("× 2/3 (under 25 år)", "× 2/3 (under 25 år)"),
    "d_rate": ("Stønad per dag", "Stønad per dag"),
    "d_bt": ("Barne­tillegg per dag", "Barne­tillegg per dag"),
    "d_bt_value": ("{n} × {rate}", "{n} × {rate}"),
    "d_sum": ("Sum", "Sum"),
    "d_leave": ("permisjon uten stønad", "permisjon utan stønad"),
    "a_gross": ("Brutto stønad", "Brutto stønad"),
    "a_absence": ("Trekk for fravær uten tillatelse (§ 36)", "Trekk for fråvær utan løyve (§ 36)"),
    "a_work": (
        "Fradrag for arbeid, {hours} av {capacity} timer (§ 37)",
        "Frådrag for arbeid, {hours} av {capacity} timar (§ 37)",
    ),
    "a_work_plain": ("Fradrag for arbeid (§ 37)", "Frådrag for arbeid (§ 37)"),
    "a_samordning": (
        "Samordning med dagpenger, sykepenger eller foreldrepenger (§ 38)",
        "Samordning med dagpengar, sjukepengar eller foreldrepengar (§ 38)",
    ),
    "a_reduction": ("Fradrag", "Frådrag"),
    "a_net_unrounded": ("Netto før avrunding", "Netto før avrunding"),
    "a_net": ("Netto stønad, avrundet til hele kroner", "Netto stønad, avrunda til heile kroner"),
    "a_nav_net": ("Nav-kontorets netto", "Netto frå Nav-kontoret"),
    "a_diff": ("Differanse", "Skilnad"),
    "a_missing": (
        "Beløpet kan ikke beregnes fordi en sats mangler.",
        "Beløpet kan ikkje reknast ut fordi ein sats manglar.",
    ),
    "a_params": ("Satser og regler brukt i beregningen", "Satsar og reglar brukte i utrekninga"),
    "a_param": ("Hva", "Kva"),
    "a_value": ("Verdi", "Verdi"),
    "a_source": ("Grunnlag", "Grunnlag"),
    "p_g": ("Grunnbeløpet (G)", "Grunnbeløpet (G)"),
    "p_factor": ("Årsbeløp i G", "Årsbeløp i G"),
    "p_divisor": ("Stønadsdager per år", "Stønadsdagar per år"),
    "p_bt": ("Barnetillegg per barn per dag", "Barnetillegg per barn per dag"),
    "p_u25": ("Full sats fra", "Full sats frå"),
    "p_u25_value": ("dagen du fyller 25 år", "dagen du fyller 25 år"),
    "p_hours_per_day": ("Timer per stønadsdag", "Timar per stønadsdag"),
    "p_absence_method": ("Trekk for fravær", "Trekk for fråvær"),
    "p_absence_hours": ("per time: timer delt på 7,5 av stønaden for dagen", "per time: timar delt på 7,5 av stønaden for dagen"),
    "p_absence_days": ("bare for hele dager", "berre for heile dagar"),
    "p_samordning": ("Samordning", "Samordning"),
    "p_samordning_value": (
        "per dag, ikke mer enn stønaden for dagen",
        "per dag, ikkje meir enn stønaden for dagen",
    ),
    "p_rounding": ("Avrunding", "Avrunding"),
    "p_rounding_value": ("netto per periode til hele kroner", "netto per periode til heile kroner"),
    "src_35": ("sosialtjenesteloven § 35", "sosialtenestelova § 35"),
    "src_g": ("forskrift om grunnbeløp", "forskrift om grunnbeløp"),
    "src_bt": ("forskrift om kvalifiseringsprogram § 3", "forskrift om kvalifiseringsprogram § 3"),
    "src_full_time": (
        "forskrift om kvalifiseringsprogram § 1 (37,5 timer i uken)",
        "forskrift om kvalifiseringsprogram § 1 (37,5 timar i veka)",
    ),
    "src_reading": ("Statsforvalterens forståelse av {law}", "Statsforvaltaren si forståing av {law}"),
    # ---- side letters (workbench.letters.side_letters; issue 13) --------------------------------------------
    # foreløpig svar and forsinkelsesmelding: forvaltningsloven § 11 a (appeals.md §7); request to Nav; § 34 varsel
    "sl_title_forelopig_svar": (
        "Foreløpig svar – klage på vedtak om kvalifiseringsstønad",
        "Førebels svar – klage på vedtak om kvalifiseringsstønad",
    ),
    "sl_title_forsinkelsesmelding": (
        "Klagesaken din tar lengre tid – klage på vedtak om kvalifiseringsstønad",
        "Klagesaka di tek lengre tid – klage på vedtak om kvalifiseringsstønad",
    ),
    "sl_title_dokumentanmodning": (
        "Anmodning om dokumenter – klagesak om kvalifiseringsstønad",
        "Oppmoding om dokument – klagesak om kvalifiseringsstønad",
    ),
    "sl_title_varsel_ugunst": (
        "Varsel om mulig endring til ugunst for deg – klage på vedtak om kvalifiseringsstønad",
        "Varsel om mogleg endring til skade for deg – klage på vedtak om kvalifiseringsstønad",
    ),
    "h_sl_received": ("Vi har mottatt klagen din", "Vi har teke imot klaga di"),
    "h_sl_when": ("Når du kan vente svar", "Når du kan vente svar"),
    "h_sl_why": ("Hvorfor saken tar tid", "Kvifor saka tek tid"),
    "h_sl_questions": ("Spørsmål", "Spørsmål"),
    "h_sl_request": ("Hva vi trenger", "Kva vi treng"),
    "h_sl_reply": ("Frist for svar", "Frist for svar"),
    "h_sl_varsel": ("Hva saken gjelder", "Kva saka gjeld"),
    "h_sl_varsel_reasons": ("Hvorfor vi vurderer å endre vedtaket", "Kvifor vi vurderer å endre vedtaket"),
    "h_sl_comment": ("Du kan uttale deg", "Du kan uttale deg"),
    "sl_expect": (
        "Vi regner med å avgjøre saken innen {promised}.",
        "Vi reknar med å avgjere saka innan {promised}.",
    ),
    "sl_target": (
        "Klager på sosiale tjenester skal avgjøres så raskt som mulig og helst innen tre måneder.",
        "Klager på sosiale tenester skal avgjerast så raskt som mogleg og helst innan tre månader.",
    ),
    "sl_forelopig_law": (
        "Dette er et foreløpig svar, jf. forvaltningsloven {p_processing_time}.",
        "Dette er eit førebels svar, jf. forvaltningslova {p_processing_time}.",
    ),
    "sl_delay_lead": (
        "Vi viser til klagen din over vedtaket fra {office} datert {date}, ref. {ref}, og til brevet vårt "
        "datert {letter_date}. Der skrev vi at vi regnet med å avgjøre saken innen {old_promised}.",
        "Vi viser til klaga di over vedtaket frå {office} datert {date}, ref. {ref}, og til brevet vårt "
        "datert {letter_date}. Der skreiv vi at vi rekna med å avgjere saka innan {old_promised}.",
    ),
    "sl_delay_new": (
        "Saken vil dessverre ta lengre tid. Vi regner nå med å avgjøre den innen {promised}. Vi beklager at "
        "det tar lengre tid enn vi skrev.",
        "Saka vil dessverre ta lengre tid. Vi reknar no med å avgjere henne innan {promised}. Vi beklagar at "
        "det tek lengre tid enn vi skreiv.",
    ),
    "sl_delay_law": (
        "Du får denne meldingen fordi saken ikke blir avgjort innen datoen vi har gitt deg, jf. "
        "forvaltningsloven {p_processing_time}.",
        "Du får denne meldinga fordi saka ikkje blir avgjord innan datoen vi har gitt deg, jf. "
        "forvaltningslova {p_processing_time}.",
    ),
    "sl_questions": (
        "Har du spørsmål, kan du ringe saksbehandleren på telefon {phone}. Oppgi vår referanse {our_ref}.",
        "Har du spørsmål, kan du ringje sakshandsamaren på telefon {phone}. Oppgi referansen vår {our_ref}.",
    ),
    "sl_request_lead": (
        "Statsforvalteren behandler klagen fra {claimant} over vedtaket fra Nav-kontoret datert {date}, "
        "ref. {ref}.",
        "Statsforvaltaren handsamar klaga frå {claimant} over vedtaket frå Nav-kontoret datert {date}, "
        "ref. {ref}.",
    ),
    "sl_request_need": (
        "For å kunne avgjøre klagen trenger vi disse dokumentene, som ikke var med da saken ble sendt til oss:",
        "For å kunne avgjere klaga treng vi desse dokumenta, som ikkje var med då saka vart send til oss:",
    ),
    "sl_request_reply": (
        "Vi ber om å få dokumentene innen {reply}. Oppgi vår referanse {our_ref} når dere svarer.",
        "Vi ber om å få dokumenta innan {reply}. Oppgi referansen vår {our_ref} når de svarar.",
    ),
    "sl_varsel_figures": (
        "Når vi beregner stønaden etter sosialtjenesteloven §§ 35–38, kommer vi til et lavere beløp enn det "
        "Nav-kontoret fastsatte. Etter vår beregning har du rett til {net} netto, mens Nav-kontoret fastsatte "
        "{nav_net}. Forskjellen er {diff}.",
        "Når vi reknar ut stønaden etter sosialtenestelova §§ 35–38, kjem vi til eit lågare beløp enn det "
        "Nav-kontoret fastsette. Etter utrekninga vår har du rett til {net} netto, medan Nav-kontoret fastsette "
        "{nav_net}. Skilnaden er {diff}.",
    ),
    "sl_varsel_law": (
        "Statsforvalteren kan bare endre vedtaket til ugunst for deg når dine interesser må vike for hensynet "
        "til andre privatpersoner eller offentlige interesser, og du har fått varsel om endringen innen tre "
        "måneder etter at Nav-kontoret mottok klagen, jf. forvaltningsloven {p_reformatio}. Nav-kontoret mottok "
        "klagen {received}. Dette brevet er et slikt varsel.",
        "Statsforvaltaren kan berre endre vedtaket til skade for deg når interessene dine må vike for omsynet "
        "til andre privatpersonar eller offentlege interesser, og du har fått varsel om endringa innan tre "
        "månader etter at Nav-kontoret tok imot klaga, jf. forvaltningslova {p_reformatio}. Nav-kontoret tok "
        "imot klaga {received}. Dette brevet er eit slikt varsel.",
    ),
    "sl_varsel_not_decided": (
        "Dette er ikke et vedtak. Vi har ikke avgjort saken ennå.",
        "Dette er ikkje eit vedtak. Vi har ikkje avgjort saka enno.",
    ),
    "sl_varsel_reply": (
        "Du kan uttale deg før vi avgjør saken. Send uttalelsen din innen {reply}, og oppgi vår referanse "
        "{our_ref}.",
        "Du kan uttale deg før vi avgjer saka. Send fråsegna di innan {reply}, og oppgi referansen vår "
        "{our_ref}.",
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
    "err_": "a discrepancy code (appeal.taxonomy.DISCREPANCY_CODES; otherwise err_other)",
    "what_": "a discrepancy's component (letters.errors; otherwise what_other)",
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
    out = pair[0] if lang == "nb" else pair[1]
    # after filling in: a provision passed as a value («§ 28 tredje ledd», letters.acts) keeps «§» with its number
    return (out.format(**values) if values else out).replace("§ ", "§\u00a0")


def has(key: str) -> bool:
    """Whether the catalogue has ``key`` (for a key built from a family prefix, see :data:`FAMILIES`)."""
    return key in TEXTS


def law_names(provision: str, lang: str) -> str:
    """A provision as the engine writes it, with the act's name in ``lang``."""
    if lang == "nn":
        for nb, nn in LAW_NAMES:
            provision = provision.replace(nb, nn)
    return provision


# The engine's proposed answers to the claimant's arguments (workbench.appeal.answers): one catalogue.
from workbench.texts.answers import ANSWER_TEXTS  # noqa: E402

TEXTS.update(ANSWER_TEXTS)
