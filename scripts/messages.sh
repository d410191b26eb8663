#!/usr/bin/env bash
# Re-extract the messages of the code into planforge/locale/planforge.pot, merge them
# into the Vietnamese catalogue (new messages arrive untranslated, changed ones fuzzy),
# and compile it to the .mo that planforge loads.  Run it after changing any _() text,
# translate the new entries in planforge/locale/vi/LC_MESSAGES/planforge.po, run it again.
# tests/test_i18n_catalogue.py fails while a message has no Vietnamese translation.
set -euo pipefail
cd "$(dirname "$0")/.."
locale=planforge/locale
pybabel extract --no-default-keywords -k _ -k N_ -k ngettext:1,2 --no-location \
  --sort-output --project planforge --copyright-holder "planforge" \
  --msgid-bugs-address "" -o "$locale/planforge.pot" planforge
if [ -f "$locale/vi/LC_MESSAGES/planforge.po" ]; then
  pybabel update -D planforge -i "$locale/planforge.pot" -d "$locale" -l vi --ignore-obsolete
else
  pybabel init -D planforge -i "$locale/planforge.pot" -d "$locale" -l vi
fi
pybabel compile -D planforge -d "$locale" -l vi --statistics
