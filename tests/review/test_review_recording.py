"""What the jurist records on the review page is audited and survives a reload; two jurists editing
the same case never silently lose an edit; a corrected fact re-evaluates and keeps the original."""

from __future__ import annotations

from sqlmodel import func, select

from review_support import by_id, page, text


def _version(db, case_id) -> int:
    from workbench.db.models import Case

    db.expire_all()
    return db.get(Case, case_id).version


def _audit(db, case_id):
    from workbench.services import audit

    db.expire_all()
    return [(e.action, e.detail, e.user_id) for e in audit.events_for_case(db, case_id)]


def _counts(db) -> dict[str, int]:
    from workbench.db.appeal_models import CaseReview, FactCorrection
    from workbench.db.models import AuditEvent, Evaluation, ImportedDecision

    db.expire_all()
    return {m.__tablename__: db.exec(select(func.count()).select_from(m)).one()
            for m in (CaseReview, FactCorrection, Evaluation, ImportedDecision, AuditEvent)}


def test_recorded_outcome_is_audited_and_survives_a_reload(client_as, demo_case, db, pin_today):
    pin_today("2025-11-20")
    sb = client_as("saksbehandler")
    url = f"/saker/{demo_case.public_id}/vurdering"
    v = _version(db, demo_case.id)
    r = sb.post(url + "/utfall", data={"version": v, "outcome": "omgjore",
                                       "reasons": "Omsorgsstønad er arbeid etter § 37."})
    assert r.status_code == 302 and r.location.endswith("/vurdering#utfall")
    tree = page(sb.get(url))
    assert by_id(tree, "outcome-omgjore").get("checked") is not None
    assert "Omsorgsstønad er arbeid etter § 37." in text(by_id(tree, "reasons"))
    assert "Endre (omgjøre)" in text(by_id(tree, "valgt-utfall"))
    events = _audit(db, demo_case.id)
    assert ("review.recorded", "fields=chosen_outcome,outcome_reasons", sb.user.id) in events
    assert _version(db, demo_case.id) == v + 1
    # no personal data in the audit trail
    assert not any("Kari" in (d or "") or "§ 37" in (d or "") for _a, d, _u in events)


def test_argument_answers_and_discretion_are_audited_and_survive(client_as, demo_case, db):
    sb = client_as("saksbehandler")
    url = f"/saker/{demo_case.public_id}/vurdering"
    r = sb.post(url + "/anforsler", data={"version": _version(db, demo_case.id), "argument-0": "Klageren får medhold."})
    assert r.status_code == 302
    r = sb.post(url + "/skjonn", data={"version": _version(db, demo_case.id),
                                       "s48-F14": "nei", "s48_reasons-F14": "Avtalt med deltakeren.",
                                       "answer-R9-omsorg-timer": "30 timer", "reasons-R9-omsorg-timer": "Kommunens vedtak."})
    assert r.status_code == 302
    tree = page(sb.get(url))
    assert text(by_id(tree, "argument-0")) == "Klageren får medhold."
    assert by_id(tree, "s48-F14-nei").get("checked") is not None
    assert text(by_id(tree, "answer-R9-omsorg-timer")) == "30 timer"
    actions = [a for a, _d, _u in _audit(db, demo_case.id)]
    assert "review.argument_answered" in actions and "review.recorded" in actions
    assert ("review.argument_answered", "indexes=0", sb.user.id) in _audit(db, demo_case.id)


def test_field_errors_in_norwegian_and_nothing_stored(client_as, demo_case, db):
    sb = client_as("saksbehandler")
    url = f"/saker/{demo_case.public_id}/vurdering"
    before = _counts(db)
    r = sb.post(url + "/utfall", data={"version": _version(db, demo_case.id), "outcome": "omgjore", "reasons": ""})
    assert r.status_code == 400
    tree = page(r)
    assert "Skriv begrunnelsen for utfallet." in text(by_id(tree, "reasons-error"))
    r = sb.post(url + "/skjonn", data={"version": _version(db, demo_case.id), "s48-F14": "ja",
                                       "s48_reasons-F14": "Urimelig."})
    assert r.status_code == 400
    assert "kommunale selvstyret" in text(by_id(page(r), "s48_self-F14-error"))
    # a blocked option cannot be chosen, whatever the browser sends
    r = sb.post(url + "/utfall", data={"version": _version(db, demo_case.id), "outcome": "stadfeste",
                                       "reasons": "Nav har rett."})
    assert r.status_code == 400
    assert "sperret" in text(by_id(page(r), "outcome-error"))
    assert _counts(db) == before


def test_two_jurists_editing_the_same_case_the_second_gets_the_conflict(client_as, demo_case, db):
    first, second = client_as("saksbehandler"), client_as("leder")
    url = f"/saker/{demo_case.public_id}/vurdering"
    v = _version(db, demo_case.id)  # both opened the page at this version
    r1 = first.post(url + "/anforsler", data={"version": v, "argument-0": "Svar fra den første."})
    assert r1.status_code == 302
    r2 = second.post(url + "/anforsler", data={"version": v, "argument-0": "Svar fra den andre."})
    assert r2.status_code == 409
    tree = page(r2)
    assert "endret av noen andre" in text(by_id(tree, "conflict"))
    assert text(by_id(tree, "argument-0")) == "Svar fra den andre."  # what they typed is still there
    # the page now carries the current version, so saving again is a deliberate choice
    assert tree.xpath('//form[contains(@action, "/anforsler")]//input[@name="version"]/@value') == [str(v + 1)]
    # the first edit is intact
    assert text(by_id(page(first.get(url)), "argument-0")) == "Svar fra den første."
    # the same for the recorded answers (outcome)
    v = _version(db, demo_case.id)
    assert first.post(url + "/utfall", data={"version": v, "outcome": "omgjore", "reasons": "Første."}).status_code == 302
    r = second.post(url + "/utfall", data={"version": v, "outcome": "oppheve", "reasons": "Andre."})
    assert r.status_code == 409
    assert "Første." in text(by_id(page(first.get(url)), "reasons"))


def test_fact_correction_bad_value_field_error_nothing_stored(client_as, import_case, db):
    case = import_case("D06.json")
    sb = client_as("saksbehandler")
    url = f"/saker/{case.public_id}/vurdering"
    before = _counts(db)
    r = sb.post(url + "/faktum", data={"version": _version(db, case.id), "path": "work[0].hours",
                                       "value": "tretti", "reason": "Timelister i saken."})
    assert r.status_code == 400
    err = text(by_id(page(r), "value-error"))
    assert "timer" in err and "tretti" in err
    r = sb.post(url + "/faktum", data={"version": _version(db, case.id), "path": "work[9].hours",
                                       "value": "12", "reason": "x"})
    assert r.status_code == 400 and "finnes ikke" in text(by_id(page(r), "path-error"))
    r = sb.post(url + "/faktum", data={"version": _version(db, case.id), "path": "work[0].hours",
                                       "value": "12", "reason": ""})
    assert r.status_code == 400 and "hvorfor" in text(by_id(page(r), "reason-error"))
    assert _counts(db) == before


def test_fact_correction_re_evaluates_keeps_the_original_and_is_listed(client_as, import_case, db):
    from workbench.db.models import ImportedDecision
    from workbench.services import cases as case_service

    case = import_case("D06.json")
    db.expire_all()
    raw_before = db.exec(select(ImportedDecision).where(ImportedDecision.case_id == case.id)).one().raw
    net_before = case_service.latest_evaluation(db, case).result["total"]["net"]
    before = _counts(db)
    sb = client_as("saksbehandler")
    url = f"/saker/{case.public_id}/vurdering"
    r = sb.post(url + "/faktum", data={"version": _version(db, case.id), "path": "work[0].hours",
                                       "value": "20", "reason": "Timelistene viser 10 timer per uke."})
    assert r.status_code == 302
    after = _counts(db)
    assert after["fact_corrections"] == before["fact_corrections"] + 1
    assert after["evaluations"] == before["evaluations"] + 1
    assert after["imported_decisions"] == before["imported_decisions"]
    db.expire_all()
    assert db.exec(select(ImportedDecision).where(ImportedDecision.case_id == case.id)).one().raw == raw_before
    new_net = case_service.latest_evaluation(db, case).result["total"]["net"]
    assert new_net != net_before  # fewer hours → smaller § 37 reduction → more stønad
    tree = page(sb.get(url))
    row = text(by_id(tree, "rettelser"))
    # the field by its label, never the import path (issue 13)
    assert "Arbeid 1 – timer i perioden" in row and "work[0]" not in row
    assert "30" in row and "20" in row and "Timelistene viser" in row
    assert sb.user.display_name in row
    assert "Rettet faktum" in text(tree.xpath('//div[contains(@class, "review-summary")]')[0])
    assert ("review.fact_corrected" in [a for a, _d, _u in _audit(db, case.id)])
    # the review now uses the corrected fact
    from workbench.services import review_store

    state = review_store.load_review(db, case)
    assert str(state.document["work"][0]["hours"]) == "20"
    assert str(state.original_document["work"][0]["hours"]) == "30"
    # «Vurder på nytt» on the case page evaluates the corrected facts too, not the raw import
    r = sb.post(f"/saker/{case.public_id}/vurder", data={"version": _version(db, case.id)})
    assert r.status_code == 302
    db.expire_all()
    assert case_service.latest_evaluation(db, case).result["total"]["net"] == new_net


def test_values_typed_by_the_jurist_are_escaped(client_as, demo_case, db):
    sb = client_as("saksbehandler")
    url = f"/saker/{demo_case.public_id}/vurdering"
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    assert sb.post(url + "/anforsler", data={"version": _version(db, demo_case.id), "argument-0": evil}).status_code == 302
    body = sb.get(url).get_data(as_text=True)
    assert evil not in body and "&lt;script&gt;" in body


def test_csrf_is_required(make_app, demo_case, make_user, login, db):
    app = make_app(WTF_CSRF_ENABLED=True)
    c = app.test_client()
    user = make_user("saksbehandler")
    c.get("/auth/login")
    tree = page(c.get("/auth/login"))
    token = tree.xpath('//input[@name="csrf_token"]/@value')[0]
    c.post("/auth/login", data={"username": user.username, "password": "riktig-passord-123", "csrf_token": token})
    r = c.post(f"/saker/{demo_case.public_id}/vurdering/anforsler",
               data={"version": _version(db, demo_case.id), "argument-0": "uten token"})
    assert r.status_code == 400
    tree = page(c.get(f"/saker/{demo_case.public_id}/vurdering"))
    token = tree.xpath('//form[contains(@action, "/anforsler")]//input[@name="csrf_token"]/@value')[0]
    r = c.post(f"/saker/{demo_case.public_id}/vurdering/anforsler",
               data={"version": _version(db, demo_case.id), "argument-0": "Svaret sendt med token.", "csrf_token": token})
    assert r.status_code == 302


def test_a_ferdigstilt_case_is_read_only_and_arkivar_admin_see_nothing(client_as, demo_case, db):
    from workbench.db.models import Case

    row = db.get(Case, demo_case.id)
    row.status = "ferdigstilt"
    db.add(row)
    db.commit()
    url = f"/saker/{demo_case.public_id}/vurdering"
    sb = client_as("saksbehandler")
    before = _counts(db)
    r = sb.post(url + "/anforsler", data={"version": _version(db, demo_case.id), "argument-0": "for sent"})
    assert r.status_code == 302
    assert "kan ikke endres" in sb.get(url).get_data(as_text=True)
    assert _counts(db) == before
    for role in ("arkivar", "admin"):
        body = client_as(role).get(url)
        assert body.status_code == 403 and "Kari" not in body.get_data(as_text=True)


def test_reclassify_a_discrepancy_with_reason_and_fvl_provision(client_as, import_case, db):
    case = import_case("D06.json")
    sb = client_as("saksbehandler")
    url = f"/saker/{case.public_id}/vurdering"
    tree = page(sb.get(url))
    form = tree.xpath('//form[contains(@action, "/vurdering/avvik")]')[0]
    prefix = form.xpath('.//input[@name="prefix"]/@value')[0]
    key = form.xpath(f'.//input[@name="{prefix}-discrepancy"]/@value')[0]
    before = _counts(db)
    r = sb.post(url + "/avvik", data={f"{prefix}-version": _version(db, case.id), "prefix": prefix,
                                      f"{prefix}-discrepancy": key, f"{prefix}-category": "saksbehandling",
                                      f"{prefix}-reason": "Nav utredet ikke timene (fvl. § 17)."})
    assert r.status_code == 400
    assert "forvaltningsloven" in text(by_id(page(r), f"{prefix}-fvl_provision-error"))
    assert _counts(db) == before
    r = sb.post(url + "/avvik", data={f"{prefix}-version": _version(db, case.id), "prefix": prefix,
                                      f"{prefix}-discrepancy": key, f"{prefix}-category": "saksbehandling",
                                      f"{prefix}-fvl_provision": "fvl. § 17",
                                      f"{prefix}-reason": "Nav utredet ikke timene."})
    assert r.status_code == 302, [text(e) for e in page(r).xpath('//*[contains(@class, "error-message")]')]
    tree = page(sb.get(url))
    assert text(by_id(tree, "avvik-1-kategori")) == "Saksbehandlingsfeil"
    note = text(by_id(tree, "avvik-1-omklassifisert"))
    assert "motoren foreslo" in note and "fvl. § 17" in note and "Nav utredet ikke timene." in note
    assert ("review.recorded", "fields=reclassifications", sb.user.id) in _audit(db, case.id)


def test_two_dates_two_answers_where_g_was_fixed_after_the_decision(client_as, import_doc, pin_today):
    from review_support import variant

    pin_today("2025-08-01")
    doc = variant("D07", **{"decision.date": "2025-05-20", "decision.notice_received": "2025-05-21"})
    doc["payments"][0]["net"] = 10106
    doc["payments"][0].pop("gross", None)
    case = import_doc(doc)
    tree = page(client_as("saksbehandler").get(f"/saker/{case.public_id}/vurdering"))
    section = by_id(tree, "to-datoer")
    assert section is not None
    body = text(section)
    assert "20.05.2025" in body and "kr 10 106" in body and "kr 10 443" in body
    assert "ikke en feil fra Nav" in body
    assert "Informasjon (ikke avvik)" in body
