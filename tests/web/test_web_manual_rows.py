"""The hand-entry form without JavaScript: «+ Legg til …» posts the form (action=add:<group>) and
the server shows it again with what was typed plus one more row; nothing is imported or stored."""

from __future__ import annotations

import re

from web_support import small_case_form


def _ids(page: str) -> set[str]:
    return set(re.findall(r'id="(f-[^"]+)"', page))


def test_add_work_row_keeps_the_typed_values_and_stores_nothing(client_as, row_counts):
    sb = client_as("saksbehandler")
    form = {**small_case_form(), "action": "add:work"}
    before = row_counts()
    response = sb.post("/import/skjema", data=form)
    page = response.get_data(as_text=True)
    assert response.status_code == 200, page[:2000]
    assert row_counts() == before
    # the typed row, the empty row that was on the page, and one more
    assert 'name="work[1].hours"' in page and 'name="work[2].hours"' in page
    assert 'name="work[3].hours"' not in page
    assert 'id="f-work-0-hours" name="work[0].hours" type="text" value="30"' in page
    assert '<option value="omsorgsstonad" selected>' in page
    assert 'value="Kari Testesen Nordhus"' in page and 'value="10 767,56"' in page  # as typed
    assert "error-summary" not in page and "error-message" not in page
    # other groups as usual: the typed rows plus one empty
    assert 'name="children[1].birth_date"' in page and 'name="children[2].birth_date"' not in page


def test_repeated_adds_grow_the_group_even_when_the_new_rows_are_empty(client_as):
    sb = client_as("saksbehandler")
    form = {**small_case_form(), "work[1].hours": "", "work[2].note": "", "action": "add:work"}
    page = sb.post("/import/skjema", data=form).get_data(as_text=True)
    assert 'name="work[3].hours"' in page and 'name="work[4].hours"' not in page


def test_add_deduction_to_a_payment_and_add_argument(client_as, row_counts):
    sb = client_as("saksbehandler")
    before = row_counts()
    form = {**small_case_form(), "action": "add:payments[0].deductions"}
    page = sb.post("/import/skjema", data=form).get_data(as_text=True)
    # the typed deduction, the empty one that was on the page, and one more
    assert 'name="payments[0].deductions[1].amount"' in page
    assert 'name="payments[0].deductions[2].amount"' in page
    assert 'name="payments[0].deductions[3].amount"' not in page
    assert 'value="6000"' in page
    assert 'id="f-payments-0-deductions"' in page  # where the button's #fragment lands

    form = {**small_case_form(), "action": "add:appeal.arguments"}
    page = sb.post("/import/skjema", data=form).get_data(as_text=True)
    # one typed argument, the empty one posted, and one more
    assert 'name="appeal.arguments[2]"' in page and 'name="appeal.arguments[3]"' not in page
    assert "Omsorgsstønad kan ikke samordnes etter § 38." in page
    assert row_counts() == before


def test_add_deduction_to_the_second_payment_and_to_an_empty_payment_row(client_as):
    sb = client_as("saksbehandler")
    form = {**small_case_form(), "payments[1].from": "2025-10-20", "payments[1].net": "5328",
            "payments[2].from": "", "payments[2].deductions[0].amount": "",
            "action": "add:payments[1].deductions"}
    page = sb.post("/import/skjema", data=form).get_data(as_text=True)
    assert 'name="payments[1].deductions[1].amount"' in page
    assert 'name="payments[0].deductions[2].amount"' not in page  # payment 0 as usual: 1 + 1 empty
    assert 'name="payments[0].deductions[1].amount"' in page
    form["action"] = "add:payments[2].deductions"  # the empty payment row
    page = sb.post("/import/skjema", data=form).get_data(as_text=True)
    assert 'name="payments[2].deductions[1].amount"' in page
    assert 'name="payments[2].deductions[2].amount"' not in page
    assert 'name="payments[1].deductions[0].amount"' in page
    assert 'name="payments[1].deductions[1].amount"' not in page


def test_add_buttons_are_real_submit_buttons_after_the_default_one(client_as):
    page = client_as("saksbehandler").get("/import/skjema").get_data(as_text=True)
    buttons = re.findall(r"<button[^>]*>", page[page.index('class="doc-form"'):])
    assert 'type="submit"' in buttons[0] and "action" not in buttons[0]  # Enter saves
    adds = [b for b in buttons if "data-add-row" in b]
    assert len(adds) >= 9 and all('type="submit"' in b and 'name="action"' in b for b in adds)
    assert any('value="add:payments[0].deductions"' in b for b in adds)
    assert any('value="add:appeal.arguments"' in b for b in adds)
    assert "js-only" not in page.split('class="doc-form"')[1]


def test_bogus_actions_are_harmless(client_as, row_counts):
    sb = client_as("saksbehandler")
    before = row_counts()
    for action in ("add:bogus", "add:", "add:payments[x].deductions", "add:payments[99999].deductions",
                   "add:payments[5].deductions", "add:work[0]", "delete:work", "add:__class__",
                   "add:payments[0].deductions\nadd:work", "x" * 5000):
        response = sb.post("/import/skjema", data={**small_case_form(), "action": action})
        page = response.get_data(as_text=True)
        assert response.status_code in (200, 400), (action, response.status_code)
        assert 'value="Kari Testesen Nordhus"' in page
        assert 'name="work[2].hours"' not in page
    assert row_counts() == before


def test_add_row_post_with_a_bad_csrf_token_is_refused(make_app, make_user, login, row_counts):
    app = make_app(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    login_page = client.get("/auth/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', login_page).group(1)
    user = make_user("saksbehandler")
    response = client.post("/auth/login", data={"username": user.username,
                                                "password": "riktig-passord-123", "csrf_token": token})
    assert response.status_code == 302
    before = row_counts()
    for data in ({"action": "add:work"}, {"action": "add:work", "csrf_token": "feil"}, {}):
        response = client.post("/import/skjema", data={**small_case_form(), **data})
        assert response.status_code == 400
        assert 'name="work[1].hours"' not in response.get_data(as_text=True)
    assert row_counts() == before


def test_a_normal_submit_still_imports(client_as, row_counts):
    sb = client_as("saksbehandler")
    before = row_counts()
    response = sb.post("/import/skjema", data={**small_case_form(), "action": "save"})
    assert response.status_code == 302
    assert row_counts()["cases"] == before["cases"] + 1
