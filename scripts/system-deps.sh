#!/usr/bin/env bash
# Installs what the tests drive besides Python packages: a Chromium for Playwright.
# Debian/Ubuntu as root: Debian's chromium (Playwright cannot download browsers offline).
# Elsewhere: Playwright's own Chromium. SECKET_CHROMIUM=/path/to/chrome skips both.
set -euo pipefail
venv="${VENV:-.venv}"
apt_packages=()

if [[ -n "${SECKET_CHROMIUM:-}" ]]; then
  echo "system-deps: using SECKET_CHROMIUM=${SECKET_CHROMIUM}"
elif [[ ! -x /usr/bin/chromium ]]; then
  if command -v apt-get >/dev/null && [[ "$(id -u)" == 0 ]]; then
    apt_packages+=(chromium fonts-noto-color-emoji)
  else
    echo "system-deps: installing Playwright's Chromium"
    "$venv/bin/playwright" install chromium
  fi
fi

if ((${#apt_packages[@]})); then
  echo "system-deps: apt-get install ${apt_packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
fi
