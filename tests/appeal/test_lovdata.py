"""Provision string → Lovdata address."""

import pytest

from workbench.law.lovdata import lovdata_url, lovdata_urls


@pytest.mark.parametrize(
    ("provision", "url"),
    [
        ("sosialtjenesteloven § 37", "https://lovdata.no/lov/2009-12-18-131/§37"),
        ("sotjl § 48", "https://lovdata.no/lov/2009-12-18-131/§48"),
        ("sotjl. § 35 andre ledd", "https://lovdata.no/lov/2009-12-18-131/§35"),
        ("sosialtenestelova § 36", "https://lovdata.no/lov/2009-12-18-131/§36"),
        ("forskrift § 3", "https://lovdata.no/forskrift/2011-12-21-1471/§3"),
        ("forskrift om kvalifiseringsprogram og kvalifiseringsstønad",
         "https://lovdata.no/forskrift/2011-12-21-1471"),
        ("forvaltningsloven § 31", "https://lovdata.no/lov/1967-02-10/§31"),
        ("fvl. §§ 24–25", "https://lovdata.no/lov/1967-02-10/§24"),
        ("fvl § 11 a", "https://lovdata.no/lov/1967-02-10/§11a"),
        ("forvaltningsloven 2025 § 68", "https://lovdata.no/lov/2025-06-20-81/§68"),
        ("forskrift om arbeidsavklaringspenger § 8", "https://lovdata.no/forskrift/2017-12-13-2100/§8"),
    ],
)
def test_known_provisions(provision, url):
    assert lovdata_url(provision) == url


@pytest.mark.parametrize("provision", [None, "", "ukjent lov § 3", "§ 37"])
def test_unknown_is_none_never_invented(provision):
    assert lovdata_url(provision) is None


def test_compound_hjemmel():
    assert lovdata_urls("sotjl § 36; forskrift §§ 5–16") == [
        "https://lovdata.no/lov/2009-12-18-131/§36",
        "https://lovdata.no/forskrift/2011-12-21-1471/§5",
    ]
