#!/usr/bin/env bash
# Installs what the tests drive besides Python packages: a Chromium for Playwright, and the
# real servers some tests start: redis-server (several signaling processes) and coturn's
# turnserver (TURN relay).
# Debian/Ubuntu as root: Debian's chromium (Playwright cannot download browsers offline),
# redis-server and coturn. Elsewhere: Playwright's own Chromium, and install redis-server and
# coturn yourself (the tests that need them are skipped, with the reason, when they are absent).
# SECKET_CHROMIUM=/path/to/chrome skips both Chromium installs.
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

can_apt() { command -v apt-get >/dev/null && [[ "$(id -u)" == 0 ]]; }
# name of the binary, then its Debian package
for pair in "redis-server redis-server" "turnserver coturn"; do
  read -r binary package <<<"$pair"
  if ! command -v "$binary" >/dev/null && [[ ! -x "/usr/bin/$binary" ]]; then
    if can_apt; then
      apt_packages+=("$package")
    else
      echo "system-deps: $binary is missing (Debian package $package): install it, or the" \
        "tests that need it are skipped (and fail under CI)"
    fi
  fi
done

if ((${#apt_packages[@]})); then
  echo "system-deps: apt-get install ${apt_packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
fi
