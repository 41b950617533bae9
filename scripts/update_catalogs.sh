#!/usr/bin/env bash
# Re-extract the messages of the code and templates and merge them into every catalog. Each message
# keeps the files that use it (not the line numbers, which would rewrite every catalog at every edit).
# New languages: pybabel init -D complaints -i complaints/locale/complaints.pot -d complaints/locale -l CODE
set -euo pipefail
cd "$(dirname "$0")/.."
pybabel extract -F babel.cfg -k "N_:1c,2" -k "pgettext:1c,2" -k "npgettext:1c,2,3" \
  --add-comments=Translators: --add-location=file --sort-output --omit-header --width 100 \
  -o complaints/locale/complaints.pot .
pybabel update -D complaints -i complaints/locale/complaints.pot -d complaints/locale \
  --no-fuzzy-matching --ignore-obsolete --width 100
