#!/usr/bin/env bash
# The README's test command: provides what the browser and Node tests need, then runs `mvn -B verify`.
# Needs Java 17 and Maven. Installs Debian's chromium (and Node.js with npm for the client's Node test)
# with apt-get when they are missing and no Chrome is given in CHROME_BIN. Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
if [[ -z "${CHROME_BIN:-}" ]] && ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null \
   && ! command -v google-chrome >/dev/null; then
  missing+=(chromium)
fi
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
if (( ${#missing[@]} )); then
  command -v apt-get >/dev/null || {
    echo "test.sh: install ${missing[*]} (or set CHROME_BIN to your Chrome), then run mvn -B verify" >&2
    exit 1
  }
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  echo "test.sh: installing ${missing[*]} from Debian"
  # apt waits for a dpkg lock another install holds rather than failing
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 "${missing[@]}" >/dev/null
fi

exec mvn -B verify "$@"
