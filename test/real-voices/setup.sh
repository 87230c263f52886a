#!/usr/bin/env bash
# Real voices for the real-voice lane: speech-dispatcher with eSpeak-NG, a
# PulseAudio null sink that plays in real time (so utterances last as long as
# the speech, and its monitor records what is heard), and Firefox ESR beside
# Chromium. For a fresh Debian 12 machine with no sound card, as root.
#
# Idempotent. INSTALL=0 skips apt-get. Everything runs under one runtime
# directory, .real-voices/ at the repository root (ignored by git): the
# sockets of PulseAudio and speech-dispatcher, their logs, and `env`, which
# the tests read. The lane runs only where `.real-voices/env` exists.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ "${INSTALL:-1}" = 1 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends \
    speech-dispatcher speech-dispatcher-espeak-ng espeak-ng \
    pulseaudio pulseaudio-utils firefox-esr >/dev/null
fi

# Root has no login session: both daemons put their sockets under
# XDG_RUNTIME_DIR, and the browsers find them through it.
RUNTIME="$(pwd)/.real-voices"
mkdir -p "$RUNTIME"
chmod 700 "$RUNTIME"
export XDG_RUNTIME_DIR="$RUNTIME"

# With no hardware PulseAudio loads a null sink (auto_null) that consumes
# audio in real time. Root gets warnings; it works.
if ! pulseaudio --check 2>/dev/null; then
  pulseaudio --start --exit-idle-time=-1 --log-target=file:"$RUNTIME/pulse.log"
fi
# Keep the sink running when idle, or its monitor records nothing at first.
pactl unload-module module-suspend-on-idle 2>/dev/null || true
pactl list short sinks | grep -q auto_null || { echo "no PulseAudio null sink" >&2; exit 1; }

# speech-dispatcher needs no configuration: the browsers spawn it on first use
# and it speaks into PulseAudio. The tests restart it between tests.
echo "XDG_RUNTIME_DIR=$RUNTIME" >"$RUNTIME/env"
echo "real voices: speech-dispatcher $(speech-dispatcher --version | head -1 | awk '{print $2}'), $(espeak-ng --version | awk '{print $1, $4}'), $(firefox-esr --version 2>/dev/null)"
