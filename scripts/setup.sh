#!/usr/bin/env bash
# Set up a fresh machine: a virtualenv in .venv with the pinned requirements.
#   scripts/setup.sh         runtime only (enough for `bot.py demo`, `serve`, `scan`)
#   scripts/setup.sh --dev   plus test and lint tools, and the CJK fonts the image test set is drawn with
# No model is downloaded at run time: the OCR models ship inside the rapidocr wheel.
set -euo pipefail
cd "$(dirname "$0")/.."
dev=0
[ "${1:-}" = "--dev" ] && dev=1

if [ "$dev" = 1 ] && ! fc-list 2>/dev/null | grep -qiE "Noto Sans CJK|WenQuanYi"; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq fonts-noto-cjk fonts-wqy-zenhei fontconfig >/dev/null
  else
    echo "note: install a CJK font (Debian: apt-get install fonts-noto-cjk fonts-wqy-zenhei) for the image tests" >&2
  fi
fi

py=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$py" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
# The runtime from the lock file: every package, transitive ones included, pinned and checked
# against its hash (requirements.lock is compiled from requirements.txt by pip-tools).
.venv/bin/python -m pip install -q --require-hashes -r requirements.lock
if [ "$dev" = 1 ]; then
  .venv/bin/python -m pip install -q -r requirements-dev.txt
fi
