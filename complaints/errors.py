"""Domain errors. The CLI turns each into one clear line and an exit code.

Messages name files, sheets, cells and complainant ids, never a person's data.
"""


class ComplaintsError(Exception):
    exit_code = 1


class UnreadableInput(ComplaintsError):
    """The input cannot be read at all: not a workbook, a required sheet missing."""

    exit_code = 2


class InvalidData(ComplaintsError):
    """The workbook was read but has errors that block a build."""

    exit_code = 1


class BuildError(ComplaintsError):
    """A document could not be rendered (a missing glyph, a refused resource, a template error)."""

    exit_code = 1


class UsageError(ComplaintsError):
    """The command was asked for what it refuses: to overwrite its input, or a file that exists."""

    exit_code = 2


class OutputBusy(ComplaintsError):
    """Another build of the same case is writing its output."""

    exit_code = 1


class OpenPointsRemain(ComplaintsError):
    """A final build was asked for, and some documents still have open points: none is written."""

    exit_code = 1

    def __init__(self, message: str, points: dict):
        super().__init__(message)
        self.points = points  # by document ("en/hrc/C001"), its OpenPoints
