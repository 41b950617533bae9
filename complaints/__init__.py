"""complaints: intake workbooks to collective complaints and submissions, in en, ru and kk."""

import importlib.util
import os

__version__ = "0.1.0"

# Workbooks are untrusted input, and openpyxl parses their parts with the standard library's
# parser, which expands entities, unless defusedxml is installed and OPENPYXL_DEFUSEDXML is left
# as it is. openpyxl's own rule (openpyxl/xml/__init__.py), tested here without importing openpyxl,
# so that every command refuses at start and `complaints --help` stays fast; workbook.py checks
# openpyxl's flag itself too.
if os.environ.get("OPENPYXL_DEFUSEDXML", "True") != "True" or importlib.util.find_spec("defusedxml") is None:
    raise ImportError("complaints reads untrusted workbooks and needs openpyxl to use defusedxml: "
                      "install defusedxml and unset OPENPYXL_DEFUSEDXML")
