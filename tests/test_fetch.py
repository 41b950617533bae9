"""Rendering reaches nothing outside the template folder, and workbook text cannot make it try.

Any attempt at the network fails these tests loudly, even where the code that tried would catch
the error.
"""

from __future__ import annotations

import re
import shutil
import socket
import urllib.request
import zipfile

import pytest
from PIL import Image
from pypdf import PdfReader

from complaints import render as render_module
from complaints import render_pdf as render_pdf_module
from complaints.build import build
from complaints.errors import BuildError
from complaints.render_html import html_dir
from complaints.render_pdf import render_pdf

from conftest import TODAY, episode, event, person, write_workbook
from readback import texts


@pytest.fixture(autouse=True)
def offline(monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError("the network was reached for")

    for owner, name in ((socket.socket, "connect"), (socket, "create_connection"), (socket, "getaddrinfo"),
                        (urllib.request, "urlopen")):
        monkeypatch.setattr(owner, name, refuse)
    yield
    assert attempts == []


def page(snippet: str) -> str:
    """A document like the real ones: the real stylesheet, then the snippet."""
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="style.css">'
            f"</head><body><main><p>Text.</p>{snippet}</main></body></html>")


ATTEMPTS = {
    "remote image": '<img src="http://example.org/pixel.png">',
    "secure remote image": '<img src="https://example.org/pixel.png">',
    "local file": '<img src="file:///etc/passwd">',
    "absolute path": '<img src="/etc/passwd">',
    "path out of the folder": '<img src="../../../../../../../../../etc/passwd">',
    "data URL": '<img src="data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==">',
    "remote stylesheet": '<link rel="stylesheet" href="https://example.org/style.css">',
    "imported stylesheet": '<style>@import url("http://example.org/style.css");</style>',
    "remote font": ('<style>@font-face { font-family: Remote; src: url(https://example.org/f.ttf) } '
                    'p { font-family: Remote }</style>'),
    "background": '<p style="background: url(file:///etc/passwd)">x</p>',
    "attachment": '<a rel="attachment" href="file:///etc/passwd">x</a>',
    "object": '<object data="file:///etc/passwd"></object>',
}


@pytest.mark.parametrize("attempt", ATTEMPTS)
def test_a_template_cannot_reach_outside_the_template_folder(attempt):
    with pytest.raises(BuildError, match="asked for a resource outside the template folder: "
                                         r"(http|https|file|data):") as error:
        render_pdf(page(ATTEMPTS[attempt]), "en/test")
    assert str(error.value).startswith("en/test: ") and "\n" not in str(error.value)


def test_a_link_in_the_template_folder_to_a_file_outside_is_refused(tmp_path, monkeypatch):
    folder = tmp_path / "html"
    shutil.copytree(html_dir(), folder)
    Image.new("RGB", (4, 4), "red").save(folder / "pixel.png")
    outside = tmp_path / "secret.css"
    outside.write_text("main { color: red }", encoding="utf-8")
    (folder / "linked.css").symlink_to(outside)
    monkeypatch.setattr(render_pdf_module, "html_dir", lambda: folder)
    pdf, _ = render_pdf(page('<img src="pixel.png">'), "en/test")  # a file of the folder is served
    (tmp_path / "served.pdf").write_bytes(pdf)
    assert _embedded(tmp_path / "served.pdf")[0]
    with pytest.raises(BuildError, match=r"secret\.css|linked\.css"):
        render_pdf(page('<link rel="stylesheet" href="linked.css">'), "en/test")


def test_a_build_whose_template_reaches_outside_fails_and_writes_nothing(tmp_path, monkeypatch):
    real = render_module.render_html
    monkeypatch.setattr(render_module, "render_html", lambda *args: real(*args).replace(
        "</main>", '<img src="https://example.org/pixel.png"></main>'))
    path = write_workbook(tmp_path / "case.xlsx")
    with pytest.raises(BuildError, match=r"outside the template folder: https://example\.org/pixel\.png"):
        build(path, langs=("en",), formats=("pdf",), output_root=tmp_path / "out", today=TODAY)
    assert list((tmp_path / "out").iterdir()) == []


def test_workbook_text_prints_as_text_and_pulls_nothing_in(tmp_path, example_build):
    """Autoescaping turns markup typed into the workbook into the characters it is made of: the
    files embed what the same document of the example embeds, and link nowhere it does not."""
    label = '<img src="file:///etc/passwd">'
    summary = ('<link rel="stylesheet" href="http://example.org/s.css"> <img src="https://example.org/p.png"> '
               '<a href="http://example.org/">a link</a> <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">')
    path = write_workbook(tmp_path / "case.xlsx", events=[event("e1", label_en=label, summary_en=summary)],
                          people=[person("C1", given_name_latin='<img src="../../etc/passwd">')],
                          episodes=[episode("C1", "e1")])
    document = example_build.jobs[0].document.name
    result = build(path, langs=("en",), documents=(document,), output_root=tmp_path / "out", today=TODAY)
    for output in result.files:
        text = "".join("".join(text for _, text in texts(output)).split())  # lines may break inside a URL
        for typed in (label, summary, '<img src="../../etc/passwd">'):
            assert "".join(typed.split()) in text, (output.name, typed)
        reference = example_build.output / output.relative_to(result.output)
        assert _embedded(output) == _embedded(reference), output.name


def _embedded(path) -> tuple:
    """What a file takes from elsewhere: images, link targets and attachments of a PDF; media,
    embedded objects and external relationships of a DOCX."""
    if path.suffix == ".pdf":
        reader = PdfReader(path)
        images = [item.get_object().get_data() for page in reader.pages
                  for item in page["/Resources"].get("/XObject", {}).values()
                  if item.get_object().get("/Subtype") == "/Image"]
        annotations = [annotation.get_object() for page in reader.pages for annotation in page.get("/Annots", [])]
        # Links to the document's own headings (the annex's section numbers) lead nowhere outside it.
        assert all("/A" in annotation or "/Dest" in annotation for annotation in annotations)
        links = [str(annotation["/A"]) for annotation in annotations if "/A" in annotation]
        return images, links, "/EmbeddedFiles" in reader.trailer["/Root"].get("/Names", {})
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        # The charts the renderer draws from the counts (render_docx: word/media/figureN.png) come from
        # no text of the workbook: a case too small for a chart has none.
        media = [package.read(name) for name in names if name.startswith(("word/media/", "word/embeddings/"))
                 and not re.fullmatch(r"word/media/figure\d+\.png", name)]
        external = [name for name in names
                    if name.endswith(".rels") and b'TargetMode="External"' in package.read(name)]
    return media, external


