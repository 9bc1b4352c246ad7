"""The engine's proposed answers to the claimant's arguments (``workbench.appeal.answers``), bokmål and nynorsk.

One key, one pair (nb, nn), the same shape as :data:`workbench.texts.catalogue.TEXTS`, into which these are
merged: ``text(key, lang, **values)`` is the way to them. The answers address the claimant as «du», in plain
Norwegian and full sentences (docs/appeals.md §11); each rule's provision is named in the sentence that states
it. The nynorsk forms are standard nynorsk, **not verified against a real Statsforvaltaren letter** [INF].

The values put in are plain text already formatted the Norwegian way (``workbench.texts.formatting``):
amounts «kr 4 531,02», dates «8. oktober 2025» or «06.10.2025», periods «06.10.2025–19.10.2025».
"""

from __future__ import annotations

from typing import Final

ANSWER_TEXTS: Final[dict[str, tuple[str, str]]] = {
    # ---- small words the answers are built with ------------------------------------------------------
    "ans_numbers": (
        "null,én,to,tre,fire,fem,seks,sju,åtte,ni",
        "null,éin,to,tre,fire,fem,seks,sju,åtte,ni",
    ),
    "ans_numbers_neuter": (
        "null,ett,to,tre,fire,fem,seks,sju,åtte,ni",
        "null,eitt,to,tre,fire,fem,seks,sju,åtte,ni",
    ),
    "ans_and": ("og", "og"),
    "ans_day_one": ("én dag", "éin dag"),
    "ans_days": ("{n} dager", "{n} dagar"),
    # ---- the claimant is right, and the figures ------------------------------------------------------
    "ans_agree": ("Statsforvalteren er enig med deg.", "Statsforvaltaren er einig med deg."),
    "ans_new_amount": (
        "Riktig utbetaling for perioden {period} er {net}, det vil si {diff} mer enn Nav-kontoret utbetalte.",
        "Rett utbetaling for perioden {period} er {net}, det vil seie {diff} meir enn Nav-kontoret betalte ut.",
    ),
    "ans_same_amount": (
        "Statsforvalteren har kontrollert beregningen. Riktig beløp for perioden {period} er {net}, det samme som "
        "Nav-kontoret utbetalte.",
        "Statsforvaltaren har kontrollert utrekninga. Rett beløp for perioden {period} er {net}, det same som "
        "Nav-kontoret betalte ut.",
    ),
    "ans_deduction_nav_correct": (
        "Nav-kontoret trakk {nav} i perioden {period}, men riktig trekk etter loven er {correct}.",
        "Nav-kontoret trekte {nav} i perioden {period}, men rett trekk etter lova er {correct}.",
    ),
    "ans_amount_nav_correct": (
        "Nav-kontoret la til grunn {nav} i perioden {period}, men riktig beløp etter loven er {correct}.",
        "Nav-kontoret la til grunn {nav} i perioden {period}, men rett beløp etter lova er {correct}.",
    ),
    "ans_calc_checked": (
        "Statsforvalteren har kontrollert beregningen etter sosialtjenesteloven §§ 35 til 38.",
        "Statsforvaltaren har kontrollert utrekninga etter sosialtenestelova §§ 35 til 38.",
    ),
    "ans_calc_lower": (
        "Loven gir ikke et høyere beløp enn det Nav-kontoret utbetalte.",
        "Lova gir ikkje eit høgare beløp enn det Nav-kontoret betalte ut.",
    ),
    # ---- the appeal is not heard on the merits -------------------------------------------------------
    "ans_not_examined_one_year": (
        "Klagen ble sendt mer enn ett år etter at vedtaket ble truffet, og må avvises (forvaltningsloven § 31 "
        "tredje ledd). Statsforvalteren kan derfor ikke ta stilling til det du skriver om dette.",
        "Klaga vart send meir enn eitt år etter at vedtaket vart gjort, og må avvisast (forvaltningslova § 31 "
        "tredje ledd). Statsforvaltaren kan difor ikkje ta stilling til det du skriv om dette.",
    ),
    "ans_not_examined_late": (
        "Klagen kom for sent, og Statsforvalteren har kommet til at den ikke kan behandles (forvaltningsloven § 31 "
        "første ledd). Statsforvalteren kan derfor ikke ta stilling til det du skriver om dette.",
        "Klaga kom for seint, og Statsforvaltaren har kome til at ho ikkje kan handsamast (forvaltningslova § 31 "
        "første ledd). Statsforvaltaren kan difor ikkje ta stilling til det du skriv om dette.",
    ),
    # ---- klagefrist (fvl. §§ 29–31) ------------------------------------------------------------------
    "ans_late_deadline": (
        "Klagefristen er tre uker fra vedtaket kom fram til deg (forvaltningsloven § 29). Vedtaket kom fram "
        "{notice}, og fristen gikk ut {deadline}. Klagen ble sendt {sent}, {late} etter fristen.",
        "Klagefristen er tre veker frå vedtaket kom fram til deg (forvaltningslova § 29). Vedtaket kom fram "
        "{notice}, og fristen gjekk ut {deadline}. Klaga vart send {sent}, {late} etter fristen.",
    ),
    "ans_late_rule": (
        "En klage som er kommet for sent, kan likevel behandles når du ikke kan lastes for at klagen kom for sent, "
        "eller når det av særlige grunner er rimelig at klagen blir prøvd (forvaltningsloven § 31 første ledd).",
        "Ei klage som har kome for seint, kan likevel handsamast når du ikkje kan lastast for at klaga kom for "
        "seint, eller når det av særlege grunnar er rimeleg at klaga blir prøvd (forvaltningslova § 31 første ledd).",
    ),
    "ans_late_ikke_lastes": (
        "Statsforvalteren har kommet til at du ikke kan lastes for at klagen kom for sent, og har derfor behandlet "
        "klagen.",
        "Statsforvaltaren har kome til at du ikkje kan lastast for at klaga kom for seint, og har difor handsama "
        "klaga.",
    ),
    "ans_late_saerlige_grunner": (
        "Statsforvalteren har kommet til at særlige grunner gjør det rimelig at klagen blir prøvd, og har derfor "
        "behandlet klagen.",
        "Statsforvaltaren har kome til at særlege grunnar gjer det rimeleg at klaga blir prøvd, og har difor "
        "handsama klaga.",
    ),
    "ans_late_refused": (
        "Statsforvalteren har kommet til at vilkårene for å behandle klagen likevel ikke er oppfylt, og klagen blir "
        "derfor avvist.",
        "Statsforvaltaren har kome til at vilkåra for å handsame klaga likevel ikkje er oppfylte, og klaga blir "
        "difor avvist.",
    ),
    "ans_timely": (
        "Klagefristen er tre uker fra vedtaket kom fram til deg (forvaltningsloven § 29). Vedtaket kom fram "
        "{notice}, og fristen gikk ut {deadline}. Klagen ble sendt {sent} og er derfor kommet i tide.",
        "Klagefristen er tre veker frå vedtaket kom fram til deg (forvaltningslova § 29). Vedtaket kom fram "
        "{notice}, og fristen gjekk ut {deadline}. Klaga vart send {sent} og har difor kome i tide.",
    ),
    "ans_late_unknown": (
        "Klagefristen er tre uker fra vedtaket kom fram til deg (forvaltningsloven § 29). Saken viser ikke når "
        "vedtaket kom fram til deg.",
        "Klagefristen er tre veker frå vedtaket kom fram til deg (forvaltningslova § 29). Saka viser ikkje når "
        "vedtaket kom fram til deg.",
    ),
    "ans_one_year": (
        "Klagen ble sendt {sent}, mer enn ett år etter at vedtaket ble truffet {decided}. En klage kan ikke i noe "
        "tilfelle behandles når det har gått mer enn ett år siden vedtaket ble truffet (forvaltningsloven § 31 "
        "tredje ledd).",
        "Klaga vart send {sent}, meir enn eitt år etter at vedtaket vart gjort {decided}. Ei klage kan ikkje i noko "
        "tilfelle handsamast når det har gått meir enn eitt år sidan vedtaket vart gjort (forvaltningslova § 31 "
        "tredje ledd).",
    ),
    "ans_one_year_unaware": (
        "Dette gjelder også når du ikke kjente til klagefristen.",
        "Dette gjeld også når du ikkje kjende til klagefristen.",
    ),
    # ---- § 35: per stønadsdag, G, under 25, the amount ------------------------------------------------
    "ans_per_day_rule": (
        "Kvalifiseringsstønaden beregnes per stønadsdag. Hvert år har 260 stønadsdager, og stønaden for én dag er "
        "1/260 av årsbeløpet (sosialtjenesteloven § 35 tredje ledd). Loven gir ikke grunnlag for å dele årsbeløpet i "
        "tolv like store månedsbeløp. Hvor mye du får for en periode, avhenger derfor av hvor mange hverdager "
        "perioden har.",
        "Kvalifiseringsstønaden blir rekna ut per stønadsdag. Kvart år har 260 stønadsdagar, og stønaden for éin dag "
        "er 1/260 av årsbeløpet (sosialtenestelova § 35 tredje ledd). Lova gir ikkje grunnlag for å dele årsbeløpet "
        "i tolv like store månadsbeløp. Kor mykje du får for ein periode, kjem difor an på kor mange kvardagar "
        "perioden har.",
    ),
    "ans_per_day_period": (
        "Antall stønadsdager i perioden {period} er {days}, og stønaden per dag er {rate}.",
        "Talet på stønadsdagar i perioden {period} er {days}, og stønaden per dag er {rate}.",
    ),
    "ans_per_day_days": (
        "Antall stønadsdager i perioden {period} er {days}.",
        "Talet på stønadsdagar i perioden {period} er {days}.",
    ),
    "ans_g_rule": (
        "Kvalifiseringsstønaden beregnes ut fra grunnbeløpet i folketrygden, G (sosialtjenesteloven § 35 andre "
        "ledd). Grunnbeløpet reguleres med virkning fra 1. mai hvert år. Stønadsdager fra og med 1. mai beregnes med "
        "det nye grunnbeløpet, og dager før 1. mai med det forrige.",
        "Kvalifiseringsstønaden blir rekna ut frå grunnbeløpet i folketrygda, G (sosialtenestelova § 35 andre "
        "ledd). Grunnbeløpet blir regulert med verknad frå 1. mai kvart år. Stønadsdagar frå og med 1. mai blir "
        "rekna ut med det nye grunnbeløpet, og dagar før 1. mai med det førre.",
    ),
    "ans_g_days": ("For dagene {days} er G {g}.", "For dagane {days} er G {g}."),
    "ans_u25_rule": (
        "Deltakere under 25 år får 2/3 av full stønad (sosialtjenesteloven § 35 andre ledd). Loven gjør ikke unntak "
        "fra denne regelen.",
        "Deltakarar under 25 år får 2/3 av full stønad (sosialtenestelova § 35 andre ledd). Lova gjer ikkje unntak "
        "frå denne regelen.",
    ),
    "ans_u25_children": (
        "At du forsørger barn, gir ikke rett til full stønad, men gir rett til barnetillegg for hvert barn "
        "(sosialtjenesteloven § 35 fjerde ledd og forskrift om kvalifiseringsprogram § 3). Barnetillegget er "
        "beregnet for {n} barn, til sammen {amount}.",
        "At du forsørgjer barn, gir ikkje rett til full stønad, men gir rett til barnetillegg for kvart barn "
        "(sosialtenestelova § 35 fjerde ledd og forskrift om kvalifiseringsprogram § 3). Barnetillegget er "
        "rekna ut for {n} barn, til saman {amount}.",
    ),
    "ans_u25_whole": (
        "Du var under 25 år i hele perioden {period}, og stønaden er derfor 2/3 av full stønad for alle dagene.",
        "Du var under 25 år i heile perioden {period}, og stønaden er difor 2/3 av full stønad for alle dagane.",
    ),
    "ans_u25_birthday": (
        "Du fylte 25 år {birthday}. Stønaden er beregnet med full sats fra {full_from} og med 2/3 sats for dagene før.",
        "Du fylte 25 år {birthday}. Stønaden er rekna ut med full sats frå {full_from} og med 2/3 sats for dagane før.",
    ),
    "ans_u25_over": (
        "Du var 25 år eller eldre i hele perioden {period}, og stønaden er beregnet med full sats.",
        "Du var 25 år eller eldre i heile perioden {period}, og stønaden er rekna ut med full sats.",
    ),
    "ans_too_little": (
        "Kvalifiseringsstønaden er et fast beløp som er bestemt i loven: {factor} ganger grunnbeløpet i folketrygden "
        "per år, og 2/3 av dette for deltakere under 25 år (sosialtjenesteloven § 35 andre ledd). Verken "
        "Nav-kontoret eller Statsforvalteren kan gi mer kvalifiseringsstønad enn loven bestemmer, selv om beløpet "
        "ikke strekker til.",
        "Kvalifiseringsstønaden er eit fast beløp som er fastsett i lova: {factor} gonger grunnbeløpet i folketrygda "
        "per år, og 2/3 av dette for deltakarar under 25 år (sosialtenestelova § 35 andre ledd). Verken "
        "Nav-kontoret eller Statsforvaltaren kan gi meir kvalifiseringsstønad enn lova fastset, sjølv om beløpet "
        "ikkje strekk til.",
    ),
    "ans_too_little_18": (
        "Har du ikke nok til å dekke det du trenger til livsopphold, kan du søke Nav-kontoret om økonomisk stønad "
        "etter sosialtjenesteloven § 18.",
        "Har du ikkje nok til å dekkje det du treng til livsopphald, kan du søkje Nav-kontoret om økonomisk stønad "
        "etter sosialtenestelova § 18.",
    ),
    # ---- barnetillegg (§ 35 fjerde ledd; forskrift §§ 3–4) ------------------------------------------
    "ans_stepchild_rule": (
        "Barnetillegg gis for barn du forsørger (sosialtjenesteloven § 35 fjerde ledd og forskrift om "
        "kvalifiseringsprogram § 3 første ledd). Som barn regnes bare egne barn og fosterbarn (forskriften § 3 "
        "tredje ledd). Barn av en samboer eller ektefelle gir derfor ikke rett til barnetillegg når barnet verken er "
        "ditt eget barn eller fosterbarnet ditt, selv om barnet bor hos deg og du er med på å forsørge det.",
        "Barnetillegg blir gitt for barn du forsørgjer (sosialtenestelova § 35 fjerde ledd og forskrift om "
        "kvalifiseringsprogram § 3 første ledd). Som barn blir berre eigne barn og fosterbarn rekna (forskrifta § 3 "
        "tredje ledd). Barn av ein sambuar eller ektefelle gir difor ikkje rett til barnetillegg når barnet verken er "
        "ditt eige barn eller fosterbarnet ditt, sjølv om barnet bur hos deg og du er med på å forsørgje det.",
    ),
    "ans_samvaer_rule": (
        "Barnetillegg gis for hvert barn du forsørger (sosialtjenesteloven § 35 fjerde ledd og forskrift om "
        "kvalifiseringsprogram § 3 første ledd). Det avgjørende er om du forsørger barnet, ikke hvor mye samvær du "
        "har med barnet. Et barn du betaler barnebidrag for, kan gi rett til barnetillegg (se forskriften § 4).",
        "Barnetillegg blir gitt for kvart barn du forsørgjer (sosialtenestelova § 35 fjerde ledd og forskrift om "
        "kvalifiseringsprogram § 3 første ledd). Det avgjerande er om du forsørgjer barnet, ikkje kor mykje samvær "
        "du har med barnet. Eit barn du betaler barnebidrag for, kan gi rett til barnetillegg (sjå forskrifta § 4).",
    ),
    "ans_foster_rule": (
        "Som barn regnes egne barn og fosterbarn. For et fosterbarn gis barnetillegg når du har forsørget barnet de "
        "to siste årene før du satte fram kravet om barnetillegg. Kommunen kan gjøre unntak fra toårskravet når "
        "fosterhjemsordningen er varig (forskrift om kvalifiseringsprogram § 3 tredje ledd).",
        "Som barn blir eigne barn og fosterbarn rekna. For eit fosterbarn blir det gitt barnetillegg når du har "
        "forsørgt barnet dei to siste åra før du sette fram kravet om barnetillegg. Kommunen kan gjere unntak frå "
        "toårskravet når fosterheimsordninga er varig (forskrift om kvalifiseringsprogram § 3 tredje ledd).",
    ),
    "ans_foster_count": (
        "Av barna barnetillegget er beregnet for, er {n} registrert som fosterbarn.",
        "Av barna barnetillegget er rekna ut for, er {n} registrert som fosterbarn.",
    ),
    "ans_children_count": (
        "Barnetillegget er beregnet for {n} barn, i samsvar med opplysningene i saken.",
        "Barnetillegget er rekna ut for {n} barn, i samsvar med opplysningane i saka.",
    ),
    "ans_children_none": (
        "Saken viser ikke barn som du forsørger, og det er ikke beregnet barnetillegg.",
        "Saka viser ikkje barn som du forsørgjer, og det er ikkje rekna ut barnetillegg.",
    ),
    "ans_no_more_children": (
        "Opplysningene i saken viser ikke at du forsørger flere barn enn dette.",
        "Opplysningane i saka viser ikkje at du forsørgjer fleire barn enn dette.",
    ),
    # ---- absence (§ 36; forskrift §§ 5–8 and 17) --------------------------------------------------------
    "ans_sick_rule": (
        "Fravær reduserer stønaden tilsvarende. Det gjelder ikke fravær som skyldes sykdom eller andre tvingende "
        "velferdsgrunner, og som det er gitt tillatelse til (sosialtjenesteloven § 36 første ledd). Ved egen sykdom "
        "beholder du stønaden på grunnlag av egenmelding eller legeerklæring (forskrift om kvalifiseringsprogram "
        "§§ 5 til 8).",
        "Fråvær reduserer stønaden tilsvarande. Det gjeld ikkje fråvær som skuldast sjukdom eller andre tvingande "
        "velferdsgrunnar, og som det er gitt løyve til (sosialtenestelova § 36 første ledd). Ved eigen sjukdom held "
        "du på stønaden på grunnlag av eigenmelding eller legeerklæring (forskrift om kvalifiseringsprogram "
        "§§ 5 til 8).",
    ),
    "ans_absence_rule_hours": (
        "Ved fravær reduseres stønaden tilsvarende (sosialtjenesteloven § 36 første ledd). Trekket beregnes for de "
        "timene du var borte, med {per_day} timer som en hel dag.",
        "Ved fråvær blir stønaden redusert tilsvarande (sosialtenestelova § 36 første ledd). Trekket blir rekna ut "
        "for dei timane du var borte, med {per_day} timar som ein heil dag.",
    ),
    "ans_absence_rule_days": (
        "Ved fravær reduseres stønaden tilsvarende (sosialtjenesteloven § 36 første ledd).",
        "Ved fråvær blir stønaden redusert tilsvarande (sosialtenestelova § 36 første ledd).",
    ),
    "ans_absence_day": (
        "Du var borte {hours} timer {date}, og trekket for den dagen er {amount}.",
        "Du var borte {hours} timar {date}, og trekket for den dagen er {amount}.",
    ),
    "ans_absence_valid": (
        "Fraværet {dates} er registrert som gyldig fravær, og det er ikke trukket i stønaden for det.",
        "Fråværet {dates} er registrert som gyldig fråvær, og det er ikkje trekt i stønaden for det.",
    ),
    "ans_absence_invalid": (
        "Nav-kontoret har registrert fraværet {dates} som fravær uten tillatelse. Etter loven gir det et trekk på "
        "{amount}.",
        "Nav-kontoret har registrert fråværet {dates} som fråvær utan løyve. Etter lova gir det eit trekk på "
        "{amount}.",
    ),
    "ans_absence_not_sick": (
        "Saken viser ikke at fraværet ble meldt og godkjent som fravær på grunn av sykdom. Statsforvalteren legger "
        "derfor til grunn at du ikke har rett til stønad for dette fraværet.",
        "Saka viser ikkje at fråværet vart meldt og godkjent som fråvær på grunn av sjukdom. Statsforvaltaren legg "
        "difor til grunn at du ikkje har rett til stønad for dette fråværet.",
    ),
    "ans_absence_none_dates": (
        "Saken viser ikke registrert fravær {dates}.",
        "Saka viser ikkje registrert fråvær {dates}.",
    ),
    "ans_absence_none": (
        "Saken viser ikke registrert fravær i perioden.",
        "Saka viser ikkje registrert fråvær i perioden.",
    ),
    "ans_ferie_rule": (
        "Du har rett til kvalifiseringsstønad i ferien. For hvert kalenderår skal det fastsettes inntil 25 "
        "virkedager ferie, og det er kommunen som bestemmer når feriedagene skal tas ut (forskrift om "
        "kvalifiseringsprogram § 17).",
        "Du har rett til kvalifiseringsstønad i ferien. For kvart kalenderår skal det fastsetjast inntil 25 "
        "yrkedagar ferie, og det er kommunen som bestemmer når feriedagane skal takast ut (forskrift om "
        "kvalifiseringsprogram § 17).",
    ),
    "ans_ferie_fixed": (
        "Kommunen har fastsatt ferie {periods}. Du får stønad i ferien, og det er ikke trukket for fravær på "
        "feriedagene.",
        "Kommunen har fastsett ferie {periods}. Du får stønad i ferien, og det er ikkje trekt for fråvær på "
        "feriedagane.",
    ),
    "ans_ferie_ignored": (
        "Fraværet som er registrert {dates}, gir derfor ikke trekk.",
        "Fråværet som er registrert {dates}, gir difor ikkje trekk.",
    ),
    "ans_ferie_none": (
        "Saken viser ikke at kommunen har fastsatt ferie i perioden {period}. Fravær utenom fastsatt ferie reduserer "
        "stønaden, med mindre fraværet skyldes sykdom eller andre tvingende velferdsgrunner og det er gitt "
        "tillatelse til det (sosialtjenesteloven § 36 første ledd).",
        "Saka viser ikkje at kommunen har fastsett ferie i perioden {period}. Fråvær utanom fastsett ferie reduserer "
        "stønaden, med mindre fråværet skuldast sjukdom eller andre tvingande velferdsgrunnar og det er gitt løyve "
        "til det (sosialtenestelova § 36 første ledd).",
    ),
    # ---- work (§ 37) ------------------------------------------------------------------------------------
    "ans_work_rule": (
        "Når du har inntektsgivende arbeid, reduseres stønaden inkludert barnetillegg tilsvarende, beregnet etter "
        "antall timer du arbeider (sosialtjenesteloven § 37).",
        "Når du har inntektsgivande arbeid, blir stønaden medrekna barnetillegg redusert tilsvarande, rekna ut etter "
        "talet på timar du arbeider (sosialtenestelova § 37).",
    ),
    "ans_work_bt": (
        "Loven sier uttrykkelig at også barnetillegget skal reduseres.",
        "Lova seier uttrykkeleg at også barnetillegget skal reduserast.",
    ),
    "ans_work_fact": (
        "I perioden {period} er det registrert {hours} timer med inntektsgivende arbeid. Full tid i perioden er "
        "{full} timer ({per_day} timer per stønadsdag), så stønaden er redusert med {hours}/{full} av brutto stønad, "
        "det vil si {amount}.",
        "I perioden {period} er det registrert {hours} timar med inntektsgivande arbeid. Full tid i perioden er "
        "{full} timar ({per_day} timar per stønadsdag), så stønaden er redusert med {hours}/{full} av brutto stønad, "
        "det vil seie {amount}.",
    ),
    "ans_same_deduction": (
        "Nav-kontoret har trukket det samme.",
        "Nav-kontoret har trekt det same.",
    ),
    "ans_work_none": (
        "Saken viser ikke inntektsgivende arbeid i perioden {period}, og stønaden er ikke redusert for arbeid.",
        "Saka viser ikkje inntektsgivande arbeid i perioden {period}, og stønaden er ikkje redusert for arbeid.",
    ),
    "ans_fosterhjem": (
        "Fosterhjemsgodtgjøring er ikke inntektsgivende arbeid etter sosialtjenesteloven § 37 og reduserer ikke "
        "stønaden. Slik forstår også forvaltningen loven, se Arbeids- og velferdsdirektoratet sitt brev av "
        "12. juli 2018.",
        "Fosterheimsgodtgjersle er ikkje inntektsgivande arbeid etter sosialtenestelova § 37 og reduserer ikkje "
        "stønaden. Slik forstår også forvaltninga lova, sjå Arbeids- og velferdsdirektoratet sitt brev av "
        "12. juli 2018.",
    ),
    "ans_omsorg_38": (
        "Omsorgsstønad er ikke en av ytelsene som skal samordnes krone for krone etter sosialtjenesteloven § 38. Den "
        "bestemmelsen gjelder bare dagpenger, sykepenger og foreldrepenger.",
        "Omsorgsstønad er ikkje ei av ytingane som skal samordnast krone for krone etter sosialtenestelova § 38. Den "
        "føresegna gjeld berre dagpengar, sjukepengar og foreldrepengar.",
    ),
    "ans_omsorg_37": (
        "Omsorgsstønad regnes som inntektsgivende arbeid etter sosialtjenesteloven § 37. Slik forstår også "
        "forvaltningen loven, se {letter}. Etter § 37 reduseres stønaden etter antall timer med omsorgsarbeid, ikke "
        "med beløpet du får utbetalt i omsorgsstønad.",
        "Omsorgsstønad blir rekna som inntektsgivande arbeid etter sosialtenestelova § 37. Slik forstår også "
        "forvaltninga lova, sjå {letter}. Etter § 37 blir stønaden redusert etter talet på timar med omsorgsarbeid, "
        "ikkje med beløpet du får utbetalt i omsorgsstønad.",
    ),
    "ans_direktorat_2025": (
        "Arbeids- og velferdsdirektoratet sitt brev om samordning av kvalifiseringsstønad og omsorgsstønad fra 2025",
        "Arbeids- og velferdsdirektoratet sitt brev om samordning av kvalifiseringsstønad og omsorgsstønad frå 2025",
    ),
    # ---- other benefits (§ 38) ------------------------------------------------------------------------
    "ans_samordning_rule": (
        "Kvalifiseringsstønaden reduseres i den utstrekning du har rett til dagpenger, sykepenger eller "
        "foreldrepenger (sosialtjenesteloven § 38 første ledd). Stønaden reduseres krone for krone for de dagene du "
        "har rett til ytelsen.",
        "Kvalifiseringsstønaden blir redusert i den utstrekning du har rett til dagpengar, sjukepengar eller "
        "foreldrepengar (sosialtenestelova § 38 første ledd). Stønaden blir redusert krone for krone for dei dagane "
        "du har rett til ytinga.",
    ),
    "ans_samordning_own": (
        "Det gjelder også når ytelsen bygger på rettigheter du selv har opptjent.",
        "Det gjeld også når ytinga byggjer på rettar du sjølv har tent opp.",
    ),
    "ans_samordning_timing": (
        "Det avgjørende er hvilke dager du hadde rett til ytelsen for, ikke når den ble utbetalt.",
        "Det avgjerande er kva dagar du hadde rett til ytinga for, ikkje når ho vart utbetalt.",
    ),
    "ans_benefit_fact": (
        "Du hadde rett til {benefit} med {daily} per dag fra {start} til {end}.",
        "Du hadde rett til {benefit} med {daily} per dag frå {start} til {end}.",
    ),
    "ans_samordning_amount": (
        "Stønaden er redusert med {amount} i perioden {period} på grunn av dette.",
        "Stønaden er redusert med {amount} i perioden {period} på grunn av dette.",
    ),
    "ans_samordning_not_listed": (
        "{benefit} er ikke en av ytelsene i § 38 første ledd, og stønaden skal ikke reduseres på grunn av denne "
        "ytelsen etter den bestemmelsen.",
        "{benefit} er ikkje ei av ytingane i § 38 første ledd, og stønaden skal ikkje reduserast på grunn av denne "
        "ytinga etter den føresegna.",
    ),
    "ans_samordning_none": (
        "Saken viser ikke at du hadde rett til dagpenger, sykepenger eller foreldrepenger i perioden {period}, og "
        "stønaden skal ikke samordnes for den perioden.",
        "Saka viser ikkje at du hadde rett til dagpengar, sjukepengar eller foreldrepengar i perioden {period}, og "
        "stønaden skal ikkje samordnast for den perioden.",
    ),
}
