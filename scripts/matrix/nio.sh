#!/usr/bin/env bash
# Test harness: matrix-nio with end-to-end encryption (vodozemac wheels, no compiler) in its own venv,
# the encrypting client of the bot's E2EE tests (recipe: shared/notes/matrix-e2ee-recipe.md).
#
#   nio.sh setup     install matrix-nio[e2e] from PyPI into the cached venv (idempotent); prints PYTHON=
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
VENV="${NIO_VENV:-$ROOT/.build/nio-venv}"

die() { echo "nio.sh: $*" >&2; exit 1; }

setup() {
    mkdir -p "$(dirname "$VENV")" 2>/dev/null || die "cannot create $(dirname "$VENV") for the matrix-nio virtual environment"
    exec 9>"$VENV.lock"
    flock 9
    if ! { [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'import nio, vodozemac' 2>/dev/null; }; then
        rm -rf "$VENV"
        python3 -m venv "$VENV" || die "cannot create a virtual environment at $VENV (is python3-venv installed?)"
        "$VENV/bin/pip" install --quiet --disable-pip-version-check 'matrix-nio[e2e]' >&2 \
            || die "pip install matrix-nio[e2e] failed (PyPI must be reachable)"
        "$VENV/bin/python" -c 'import nio, vodozemac' || die "matrix-nio does not import after install"
    fi
    echo "PYTHON=$VENV/bin/python"
}

case "${1:-}" in
    setup) setup ;;
    *) die "usage: nio.sh setup" ;;
esac
