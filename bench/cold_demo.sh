#!/usr/bin/env bash
# Time a cold `make demo`: a fresh clone with no .venv and no var/, until the demo page answers.
# The pip download cache is left as it is; pass --no-cache to time downloads as well.
# Writes one line of JSON to bench/results/cold_demo.jsonl and prints it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
port="${PORT:-8765}"
work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

cache_note="warm pip cache"
if [ "${1:-}" = "--no-cache" ]; then
  export PIP_NO_CACHE_DIR=1
  cache_note="no pip cache"
fi

git clone -q "$repo" "$work/heard"
cd "$work/heard"
start=$(date +%s.%N)
make demo DEMO_ARGS="--port $port" > "$work/demo.log" 2>&1 &
pid=$!
url="http://127.0.0.1:$port/en/consultations/engagement-way-forward-end-human-trafficking/"
for _ in $(seq 1 1200); do
  if curl -fs -o /dev/null "$url"; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$work/demo.log"; echo "make demo stopped early" >&2; exit 1; fi
  sleep 0.25
done
end=$(date +%s.%N)
curl -fs -o /dev/null "$url"
grep -q "username: demo-lead" "$work/demo.log"
seconds=$(python3 -c "print(round($end - $start, 1))")
commit=$(git -C "$repo" rev-parse --short HEAD)
line="{\"date\": \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\", \"commit\": \"$commit\", \"cold_make_demo_seconds\": $seconds, \"note\": \"$cache_note, $(nproc) cores\"}"
echo "$line" | tee -a "$here/results/cold_demo.jsonl"
