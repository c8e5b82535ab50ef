#!/usr/bin/env bash
# The installed package's window (docs/PERFORMANCE.md, "Installed package: the window"), on a quiet machine:
#   1. start-up as `tools/bench console` measures it, launched through the menu entry's command
#      (/opt/siali-label/lib/tools/start-window.sh): with the user's own window cache (ADR 0012; after a first
#      start, one 25 s start records it and the next makes it), and with SIALI_STARTUP_CACHE=off, where it uses
#      the package's archive;
#   2. People at COUNT accounts in the first window of a new JVM (PeopleBenchmark's rounds: first page, then each
#      keystroke until the table shows it), run by the package's runtime with the launcher's options and class
#      path (the bench's classes appended, which an AOT cache allows): once with the package's archive (recorded
#      headless by postinst), once with the user's window cache made in step 1.
#
# Usage: installer/bench-window.sh [COUNT [RUNS [PEOPLE_RUNS]]]   defaults 100000, 5 and 3
# Needs the package installed (dpkg -i the .deb from `mvn -pl installer -am package -DskipTests -Pinstaller`) and
# xvfb-run. Takes about 15 minutes with the defaults.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
accounts="${1:-100000}"
runs="${2:-5}"
people_runs="${3:-3}"
install=/opt/siali-label
app="$install/lib/app"
[ -x "$install/lib/tools/start-window.sh" ] || { echo "the package is not installed under $install" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "installer/bench-window.sh needs Xvfb (apt-get install xvfb)" >&2; exit 1; }
. "$root/tools/jdk.sh"
find_jdk
work="$(mktemp -d "${TMPDIR:-/tmp}/siali-bench-window.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"   # the user's window cache, as start-window.sh keeps it
user_cache="$XDG_CACHE_HOME/siali-label/startup"

# A user's first start of a version only notes the version (ADR 0012); the benchmark's own starts begin after it.
"$install/lib/tools/start-window.sh" --version >/dev/null
echo "== start-up through $install/lib/tools/start-window.sh (load before: $(cut -d' ' -f1-3 /proc/loadavg))"
BENCH_LAUNCHER="$install/lib/tools/start-window.sh" BENCH_STARTUP_CACHES="$user_cache" \
  "$root/tools/bench" console 0 "$runs"
[ -s "$user_cache/start-window.aot" ] || { echo "no window cache was made in $user_cache" >&2; exit 1; }

# The bench's own classes and test libraries after the package's class path (JavaFX comes from the runtime).
bench_cp="app-desktop/target/test-classes:app-desktop/target/classes:$(cat "$root/app-desktop/target/test-classpath.txt")"
(cd "$root/app-desktop/target/test-classes" && "$JAVA_HOME/bin/jar" cf "$work/bench-tests.jar" .)
extra=$(tr ':' '\n' <"$root/app-desktop/target/test-classpath.txt" | grep -v '/org/openjfx/' | paste -s -d: -)
cfg="$app/siali-label.cfg"
. "$install/lib/tools/launcher-cfg.sh"
package_cp=$(launcher_classpath "$cfg")
mapfile -t options < <(launcher_cfg "$cfg" java-options | grep -v '^-XX:AOTCache=')

echo "== People at $accounts accounts: seeding"
(cd "$root" && "$JAVA_HOME/bin/java" "${APP_JAVA_OPTIONS[@]}" -cp "$bench_cp" \
  com.siali.label.app.bench.ConsoleBenchmark prepare "$work/data" "$accounts")
people() { # label AOT-cache
  echo "-- $1"
  for ((i = 1; i <= people_runs; i++)); do
    xvfb-run -a -s "-screen 0 1400x900x24" "$install/lib/runtime/bin/java" "${options[@]}" -XX:AOTCache="$2" \
      -Dprism.order=sw -cp "$package_cp:$work/bench-tests.jar:$extra" \
      com.siali.label.app.bench.ConsoleBenchmark people-rounds "$work/data" 2>/dev/null \
      | grep -B4 "round 1:" | grep -v "services alone\|same queries"
  done
}
people "first window with the package's archive ($app/siali-label.aot, recorded headless)" "$app/siali-label.aot"
people "first window with the user's window cache (start-window.sh)" "$user_cache/start-window.aot"
