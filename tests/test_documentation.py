"""What the README and the commented case.toml say matches the code."""

from __future__ import annotations

import re
from importlib import resources

from complaints.documents import REGISTRY
from complaints.settings import SETTINGS_FILE

from conftest import REPO


def test_the_readme_table_names_every_registered_document_in_registry_order():
    readme = (REPO / "README.md").read_text("utf-8")
    section = readme.split("\n## The documents\n", 1)[1].split("\n## ", 1)[0]
    assert re.findall(r"^\| `([^`]+)` \|", section, re.MULTILINE) == list(REGISTRY)


def test_the_commented_case_toml_names_every_registered_document_in_registry_order():
    text = (resources.files("complaints") / "data" / SETTINGS_FILE).read_text("utf-8")
    # The comment lines between "Which documents to build" and the example line.
    listed = re.search(r"^# Which documents to build.*\n((?:# [a-z-]+,?(?: [a-z-]+,?)*\n)+)# documents = ", text,
                       re.MULTILINE)
    assert listed, "the list of documents in case.toml is gone"
    names = [name for line in listed[1].splitlines() for name in line.removeprefix("# ").split(", ") if name]
    assert [name.rstrip(",") for name in names] == list(REGISTRY)
