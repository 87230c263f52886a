#!/usr/bin/env bash
# The WebKit lane's packages, for a fresh Debian 12 machine with no screen and
# no sound card, as root: WebKitGTK's WebDriver (it brings MiniBrowser and
# the Flite voices of its speechSynthesis), GStreamer with its PulseAudio
# output (WebKitGTK plays speech and Web Audio through it), an X server
# (this MiniBrowser has no headless mode) and PulseAudio, whose null sink
# the tests record to hear what a listener would.
#
# Installs only; the suite (test/webkit/webkit.test.ts) starts Xvfb,
# PulseAudio and WebKitWebDriver itself, each private to the run, and stops
# them after. Idempotent: nothing is fetched when all is installed.
set -euo pipefail

PACKAGES=(
  webkit2gtk-driver libgl1-mesa-dri
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-pulseaudio
  xvfb xauth pulseaudio pulseaudio-utils
)

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "WebKit lane: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
test -x /usr/bin/WebKitWebDriver || { echo "WebKit lane: WebKitWebDriver is missing after the install" >&2; exit 1; }
echo "WebKit lane: $(dpkg-query -W -f='${Package} ${Version}' libwebkit2gtk-4.1-0)"
