"""Legal provisions as intake staff type them."""

import pytest

from complaints.i18n import language
from complaints.law import Provision, describe_basis, parse_provision


@pytest.mark.parametrize("typed, expected", [
    ("CAO 488", Provision("CAO", 488)),
    ("CC 405(2)", Provision("CC", 405, 2)),
    ("ст. 488 КоАП", Provision("CAO", 488)),
    ("КоАП РК 488", Provision("CAO", 488)),
    ("УК 405 ч.2", Provision("CC", 405, 2)),
    ("Article 488 CAO", Provision("CAO", 488)),
    ("ӘҚБтК 488", Provision("CAO", 488)),
    ("ҚК 405-бабының 2-бөлігі", Provision("CC", 405, 2)),
    ("CC 405 part 2", Provision("CC", 405, 2)),
    ("488", None),
    ("Law on peaceful assemblies", None),
    ("CC and CAO 488", None),
    ("", None),
])
def test_parse(typed, expected):
    assert parse_provision(typed) == expected


def test_described_in_each_language_and_case():
    provision = Provision("CC", 405, 2)
    assert provision.describe(language("en")) == "Article 405(2) of the Criminal Code"
    assert provision.describe(language("en"), under=True) == "under Article 405(2) of the Criminal Code"
    assert describe_basis(language("en"), "a local decree") == "a local decree"

