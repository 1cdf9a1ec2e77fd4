#!/usr/bin/env bash
# Installs what the tests drive besides Python packages: Chromium and Firefox for Playwright,
# WebKitGTK for the WebKit smoke test, the colour emoji font the pages are drawn with, and the
# real servers some tests start: redis-server (several signaling processes) and coturn's
# turnserver (TURN relay).
# Debian/Ubuntu as root: Debian's chromium and firefox-esr (Playwright cannot download
# browsers offline), webkit2gtk-driver (WebKitWebDriver and MiniBrowser) with xvfb,
# fonts-noto-color-emoji, redis-server and coturn. Elsewhere: Playwright's own Chromium and
# Firefox; install redis-server, coturn and WebKitGTK yourself (the tests that need them are
# skipped, with the reason, when they are absent).
# SECKET_CHROMIUM=/path/to/chrome and SECKET_FIREFOX=/path/to/firefox skip those installs.
set -euo pipefail
venv="${VENV:-.venv}"
apt_packages=()
playwright_browsers=()

can_apt() { command -v apt-get >/dev/null && [[ "$(id -u)" == 0 ]]; }

# variable that names a browser you already have, its Debian binary and package, then
# Playwright's name for its own build
for entry in "SECKET_CHROMIUM chromium chromium chromium" \
  "SECKET_FIREFOX firefox-esr firefox-esr firefox"; do
  read -r variable binary package playwright_name <<<"$entry"
  if [[ -n "${!variable:-}" ]]; then
    echo "system-deps: using ${variable}=${!variable}"
  elif [[ ! -x "/usr/bin/$binary" ]]; then
    if can_apt; then
      apt_packages+=("$package")
    else
      playwright_browsers+=("$playwright_name")
    fi
  fi
done

# name of the file, then its Debian package
for pair in "redis-server redis-server" "turnserver coturn" "WebKitWebDriver webkit2gtk-driver" \
  "Xvfb xvfb"; do
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
# The colour emoji font of the code card and the video overlay (see app/style.css).
if [[ ! -e /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ]] && can_apt; then
  apt_packages+=(fonts-noto-color-emoji)
fi

if ((${#apt_packages[@]})); then
  echo "system-deps: apt-get install ${apt_packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
fi
if ((${#playwright_browsers[@]})); then
  echo "system-deps: installing Playwright's ${playwright_browsers[*]}"
  "$venv/bin/playwright" install "${playwright_browsers[@]}"
fi
