"""`complaints init`: a new case folder, ready to fill in."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .errors import UsageError
from .intake_template import write_template
from .settings import SETTINGS_FILE

WORKBOOK_NAME = "workbook.xlsx"


def init_case(folder: Path, lang_code: str) -> list[Path]:
    """Create `folder` with a commented case.toml and a blank workbook; refuse a folder in use."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise UsageError(f"{folder}: not empty; give a new folder name")
    folder.mkdir(parents=True, exist_ok=True)
    settings = folder / SETTINGS_FILE
    settings.write_bytes((resources.files("complaints") / "data" / SETTINGS_FILE).read_bytes())
    workbook = folder / WORKBOOK_NAME
    write_template(lang_code, workbook)
    return [settings, workbook]
