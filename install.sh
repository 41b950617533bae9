#!/usr/bin/env bash
# Installs everything complaints needs on Debian with Python 3.11, then the package in .venv/.
#   ./install.sh         the tool
#   ./install.sh --dev   the tool, the test dependencies, poppler-utils (pdftotext for tests) and
#                        LibreOffice without a screen, with the fonts of Times New Roman's metrics
#                        (tests open the DOCX and an .ods workbook as a Word-like tool would)
set -euo pipefail
cd "$(dirname "$0")"

# WeasyPrint draws text with Pango and subsets fonts with HarfBuzz. The document
# fonts ship inside the package, so no font package is needed.
packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)
# PyICU (alphabetical order by the CLDR rules) is built from source against the system's ICU.
packages+=(libicu-dev pkg-config g++ python3-dev)
python3 -c "import ensurepip, venv" 2>/dev/null || packages+=(python3-venv)
extra=""
if [[ "${1:-}" == "--dev" ]]; then
  packages+=(poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui fonts-liberation)
  extra="[test]"
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if (( ${#missing[@]} )); then
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

[[ -x .venv/bin/python ]] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".${extra}"
