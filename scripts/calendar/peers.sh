#!/usr/bin/env bash
# Test harness: the Python peers the calendar tests check us against, from PyPI into a cached venv.
#
#   peers.sh setup      install icalendar, recurring-ical-events and Radicale (idempotent); prints the python path
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VENV="${CALENDAR_VENV:-$ROOT/.build/calendar-venv}"

die() { echo "peers.sh: $*" >&2; exit 1; }

setup() {
    mkdir -p "$(dirname "$VENV")" || die "cannot create $(dirname "$VENV")"
    # One installer at a time: parallel test processes may all ask for the venv.
    exec 9>"$VENV.lock"
    flock 9
    if ! "$VENV/bin/python" -c 'import icalendar, recurring_ical_events, radicale' 2>/dev/null; then
        rm -rf "$VENV"
        python3 -m venv "$VENV" || die "cannot create a virtual environment at $VENV (is python3-venv installed?)"
        "$VENV/bin/pip" install --quiet --disable-pip-version-check icalendar recurring-ical-events radicale >&2 \
            || die "pip install icalendar recurring-ical-events radicale failed (PyPI must be reachable)"
        "$VENV/bin/python" -c 'import icalendar, recurring_ical_events, radicale' || die "the peers do not import after install"
    fi
    exec 9>&-
    echo "$VENV/bin/python"
}

case "${1:-}" in
    setup) setup ;;
    *) die "usage: peers.sh setup" ;;
esac
