#!/usr/bin/env bash
# Start-up of the packaged application (docs/PERFORMANCE.md, "Installed package"): wall time from launching
# `label-studio start --headless` to the first HTTP 200 from /health, with the start-up archive, with it switched
# off (-XX:AOTMode=off through _JAVA_OPTIONS, which the JVM reads after the launcher's options), and from the
# build (./label-studio: the full JDK with its default CDS archive). A fresh data directory each run, runs
# interleaved; prints each run and the median. Also prints the .deb's size when one was built.
#
# Usage: installer/bench-start.sh [RUNS] [LAUNCHER]
#   RUNS      default 7
#   LAUNCHER  default /usr/bin/label-studio if the package is installed, else the app image's bin/label-studio
# Port: $BENCH_PORT (default 18765) on 127.0.0.1, must be free.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-7}"
launcher="${2:-}"
if [ -z "$launcher" ]; then
  if [ -x /usr/bin/label-studio ]; then launcher=/usr/bin/label-studio
  else launcher="$root/installer/target/jpackage/image/siali-label/bin/label-studio"; fi
fi
[ -x "$launcher" ] || { echo "no launcher at $launcher; build with -Papp-image or -Pinstaller first" >&2; exit 1; }
port="${BENCH_PORT:-18765}"
url="http://127.0.0.1:$port/health"
if curl -s -o /dev/null --max-time 1 "$url"; then echo "port $port is in use; set BENCH_PORT" >&2; exit 1; fi
work="$(mktemp -d "${TMPDIR:-/tmp}/siali-bench.XXXXXX")"
pid=""
trap '[ -z "$pid" ] || kill -KILL "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

# One run: prints milliseconds from launch to the first 200.
one_run() { # variant
  local data="$work/data-$RANDOM$RANDOM" start end
  start=$(date +%s%N)
  case "$1" in
    archive) "$launcher" start --headless --host 127.0.0.1 -p "$port" --data-dir "$data" >/dev/null 2>&1 & ;;
    no-archive) _JAVA_OPTIONS="-XX:AOTMode=off" \
        "$launcher" start --headless --host 127.0.0.1 -p "$port" --data-dir "$data" >/dev/null 2>&1 & ;;
    build) "$root/label-studio" start --headless --host 127.0.0.1 -p "$port" --data-dir "$data" >/dev/null 2>&1 & ;;
  esac
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)" = 200 ]; do
    kill -0 "$pid" 2>/dev/null || { echo "the $1 start exited" >&2; exit 1; }
    [ $(( ($(date +%s%N) - start) / 1000000 )) -lt 120000 ] || { echo "the $1 start took over 120 s" >&2; exit 1; }
    sleep 0.02
  done
  end=$(date +%s%N)
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  rm -rf "$data"
  echo $(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

variants=(archive no-archive)
[ -x "$root/label-studio" ] && [ -f "$root/app-desktop/target/runtime-classpath.txt" ] && variants+=(build)
echo "launcher: $launcher; $runs runs each, interleaved; load before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo ?)"
for variant in "${variants[@]}"; do : >"$work/$variant.ms"; done
one_run archive >/dev/null # warm the file cache once
for ((i = 1; i <= runs; i++)); do
  for variant in "${variants[@]}"; do one_run "$variant" >>"$work/$variant.ms"; done
done
for variant in "${variants[@]}"; do
  printf '%-11s median %5s ms   runs: %s\n' "$variant" "$(median <"$work/$variant.ms")" "$(tr '\n' ' ' <"$work/$variant.ms")"
done
deb="$(ls "$root"/installer/target/jpackage/installer/siali-label_*.deb 2>/dev/null | head -n 1 || true)"
[ -z "$deb" ] || echo "deb: $(basename "$deb") $(stat -c %s "$deb") bytes ($(du -m "$deb" | cut -f1) MiB)"
