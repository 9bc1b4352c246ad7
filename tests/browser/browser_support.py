"""What the browser tests share: the test users' password and logging in through the login page."""

from __future__ import annotations

from playwright.sync_api import expect

PASSWORD = "riktig-passord-123"  # the password make_user (tests/conftest.py) gives


def login(page, live_url: str, username: str) -> None:
    """Log in as ``username`` (made with PASSWORD) through the form, and wait until it has worked."""
    page.goto(f"{live_url}/auth/login")
    page.get_by_label("Brukernavn").fill(username)
    page.get_by_label("Passord").fill(PASSWORD)
    page.get_by_role("button", name="Logg inn").click()
    expect(page.get_by_role("button", name="Logg ut")).to_be_visible()
