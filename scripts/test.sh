#!/usr/bin/env bash
# The test command of README.md: installs what the tests need, then runs them all.
# LibreOffice renders the documents to PDF for the layout tests; Liberation fonts 2.x
# carry the Vietnamese glyphs with Times New Roman metrics (1.x lacks them).
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v soffice >/dev/null || need+=(libreoffice-writer)
# Calc converts the derivation's summary workbook (tong-hop.xlsx) in its test.
[ -f /usr/lib/libreoffice/program/libsclo.so ] || need+=(libreoffice-calc)
command -v pdftotext >/dev/null || need+=(poppler-utils)
[ -f /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] || need+=(fonts-liberation2)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
python -m pip install -q -e ".[test]"
python -m pytest -q "$@"
