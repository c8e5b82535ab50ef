#!/usr/bin/env bash
# Smoke test of the built .deb, run by .ci/run after the test suite (issue #5). As root it installs the package
# for real: first a copy of it with a lower version (0.0.1, repacked from the same files) to prove that an
# upgrade keeps and migrates the data directory, then the package itself over it; without root it extracts the
# package with dpkg-deb and runs it from there (no upgrade, menu or PATH checks).
#
# Steps: --version; `start --headless` until /health answers 200; `user` and `reset_password` against the running
# instance; stop with SIGTERM; the menu entry's command (a window under Xvfb) four times, /health each time: the
# first start uses the package's archive, the second records the user's window cache, the third makes it, the
# fourth uses it and takes a screenshot into installer/target/smoke/; uninstall; the data directory must still be
# there.
#
# Usage: installer/smoke-test.sh [PATH/TO/siali-label_VERSION_ARCH.deb]
#        (default: the one `mvn -B -pl installer -am package -DskipTests -Pinstaller` wrote)
# Needs: dpkg-deb, curl, xvfb-run, ImageMagick's import; fakeroot is only for building. Bounded by
# SMOKE_TIMEOUT seconds (default 900). The screenshot goes to $SMOKE_OUT (default installer/target/smoke).
set -euo pipefail

root_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out_dir="${SMOKE_OUT:-$root_dir/installer/target/smoke}"
email="smoke@example.com"
password="Smoke-test-$(date +%s)-pass"
new_password="Changed-$(date +%s)-pass"
timeout_total="${SMOKE_TIMEOUT:-900}"

step() { echo; echo "== smoke: $*"; }
fail() {
  echo "SMOKE TEST FAILED: $*" >&2
  for log in "${app_out:-}" "${data_dir:-/nonexistent}/logs/siali-label.log"; do
    if [ -n "$log" ] && [ -f "$log" ]; then
      echo "--- last lines of $log" >&2
      tail -n 25 "$log" >&2
    fi
  done
  exit 1
}

# --- helpers --------------------------------------------------------------------------------------------------

# True while process $1 runs (a child that exited stays a zombie until waited for, and kill -0 still succeeds).
# The stat line is read once: bash reaps an exited background child on its own, so the file can vanish between
# a test for it and a read of it, and an empty read must mean "gone", not "running".
alive() {
  local stat
  stat="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  [ -n "$stat" ] && [ "$(sed 's/.*) //' <<<"$stat" | cut -d' ' -f1)" != Z ]
}

# Starts label-studio in the background with the given arguments (plus loopback, a port the OS picks and our
# data directory), waits for its "running at" line and for /health to answer 200. Sets app_pid and base_url.
start_app() {
  local label=$1 launcher=$2; shift 2
  app_out="$work/$label.out"
  "$launcher" start --host 127.0.0.1 --port 0 --data-dir "$data_dir" "$@" >"$app_out" 2>&1 &
  app_pid=$!
  local started=$SECONDS
  base_url=""
  while [ -z "$base_url" ]; do
    alive "$app_pid" || fail "$label: label-studio start exited early"
    [ $((SECONDS - started)) -lt 90 ] || fail "$label: no 'running at' line within 90 s"
    base_url="$(sed -n 's/^Siali Label is running at \(http[^ ]*\)$/\1/p' "$app_out" | head -n 1)"
    sleep 0.2
  done
  local code=""
  until [ "$code" = 200 ]; do
    [ $((SECONDS - started)) -lt 90 ] || fail "$label: ${base_url}health did not answer 200 within 90 s (last: $code)"
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "${base_url}health" || true)"
    [ "$code" = 200 ] || sleep 0.2
  done
  echo "smoke: $label: ${base_url}health answered 200 after $((SECONDS - started)) s"
}

stop_app() {
  local label=$1
  kill -TERM "$app_pid" 2>/dev/null || fail "$label: the application was not running any more"
  local started=$SECONDS status=0
  while alive "$app_pid" && [ $((SECONDS - started)) -lt 30 ]; do sleep 0.2; done
  if alive "$app_pid"; then
    kill -QUIT "$app_pid" 2>/dev/null || true   # a thread dump into the output, to see what holds it up
    sleep 2
    echo "--- thread dump of the process that did not stop:" >&2
    sed -n '/^Full thread dump/,$p' "$app_out" | head -n 400 >&2
    fail "$label: still running 30 s after SIGTERM"
  fi
  wait "$app_pid" || status=$?
  app_pid=""
  # 0, or 143 (128 + SIGTERM) when the JVM reports the signal
  case "$status" in 0|143) echo "smoke: $label: stopped (exit $status)" ;; *) fail "$label: exit $status after SIGTERM" ;; esac
}

expect_output() { # description, expected text, command...
  local what=$1 expected=$2; shift 2
  local output status=0
  output="$("$@" 2>&1)" || status=$?
  echo "$output" | sed 's/^/    /'
  [ "$status" -eq 0 ] || fail "$what: exit status $status"
  grep -qF -- "$expected" <<<"$output" || fail "$what: expected \"$expected\" in the output"
}

# --- the part under Xvfb (this script, run again by xvfb-run further down) ---------------------------------------
if [ -n "${SMOKE_WINDOW_STAGE:-}" ]; then
  [ -n "${DISPLAY:-}" ] || fail "window stage: DISPLAY is not set"
  work="$SMOKE_WORK"
  data_dir="$work/data"
  app_pid=""
  trap '[ -z "$app_pid" ] || kill -KILL "$app_pid" 2>/dev/null || true' EXIT
  # The menu entry's command and the user's window cache (ADR 0012), in a cache directory of the test's own.
  export XDG_CACHE_HOME="$work/cache"
  caches="$XDG_CACHE_HOME/siali-label/startup"
  _JAVA_OPTIONS=-Xlog:aot start_app "window, first start" "$SMOKE_WINDOW_COMMAND"
  grep -q "Opened AOT cache .*/lib/app/siali-label.aot" "$app_out" \
    || fail "the first window start did not use the package's archive: $(grep -m 3 'aot.*\(warning\|error\)' "$app_out")"
  stop_app "window, first start"
  [ -s "$caches/made-for" ] && [ ! -e "$caches/start-window.aotconf" ] \
    || fail "the first window start should only note the version: $(ls "$caches" 2>&1)"
  echo "smoke: the first window start used the package's archive"
  start_app "window, second start" "$SMOKE_WINDOW_COMMAND"
  # Only a start that got as far as serving with its window open keeps its recording; it marks it so.
  for _ in $(seq 1 300); do [ ! -e "$caches/start-window.aotconf.served" ] || break; sleep 0.1; done
  [ -e "$caches/start-window.aotconf.served" ] || fail "the second window start did not mark its recording as served"
  stop_app "window, second start"
  [ -s "$caches/start-window.aotconf" ] || fail "the second window start recorded nothing: $(ls "$caches" 2>&1)"
  echo "smoke: the second window start recorded the classes it used"
  start_app "window, third start" "$SMOKE_WINDOW_COMMAND"
  waited=0
  until [ -s "$caches/start-window.aot" ] && [ ! -d "$caches/making" ]; do
    [ "$waited" -lt 600 ] || fail "the third window start made no cache within 60 s: $(cat "$caches/making.log" 2>&1)"
    sleep 0.1
    waited=$((waited + 1))
  done
  stop_app "window, third start"
  echo "smoke: the third window start made the user's window cache ($(du -m "$caches/start-window.aot" | cut -f1) MB)"
  _JAVA_OPTIONS=-Xlog:aot start_app "window, fourth start" "$SMOKE_WINDOW_COMMAND"
  grep -q "Opened AOT cache $caches/start-window.aot" "$app_out" && ! grep -q '\[error' "$app_out" \
    || fail "the fourth window start did not use the user's cache: $(grep -m 3 'aot.*\(warning\|error\)' "$app_out")"
  echo "smoke: the fourth window start opened the user's window cache"
  sleep 5   # let the window (if there is one yet) draw itself
  import -window root "$SMOKE_SHOT" || fail "window stage: import could not take the screenshot"
  stop_app "window, fourth start"
  exit 0
fi

deb="${1:-$(ls "$root_dir"/installer/target/jpackage/installer/siali-label_*.deb 2>/dev/null | head -n 1)}"
[ -n "$deb" ] && [ -f "$deb" ] || fail "no .deb found; build it first: mvn -B -pl installer -am package -DskipTests -Pinstaller"
for tool in dpkg-deb curl xvfb-run import; do
  command -v "$tool" >/dev/null || fail "$tool is missing (apt-get install dpkg curl xvfb imagemagick)"
done

work="$(mktemp -d "${TMPDIR:-/tmp}/siali-smoke.XXXXXX")"
data_dir="$work/data"
app_pid=""
installed=""
cleanup() {
  local status=$?
  if [ -n "$app_pid" ] && alive "$app_pid"; then
    kill -TERM "$app_pid" 2>/dev/null || true
    sleep 2
    kill -KILL "$app_pid" 2>/dev/null || true
  fi
  [ -z "${watchdog:-}" ] || kill "$watchdog" 2>/dev/null || true
  if [ -n "$installed" ] && [ "$status" -ne 0 ]; then
    echo "smoke: removing the package after the failure (data kept in $data_dir until cleanup)" >&2
    dpkg -r siali-label >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'fail "interrupted or timed out"' INT TERM
(sleep "$timeout_total" && echo "SMOKE TEST FAILED: took longer than ${timeout_total} s" >&2 && kill -TERM $$) \
  >/dev/null 2>&1 &
watchdog=$!

# --- install ----------------------------------------------------------------------------------------------------
version="$(dpkg-deb -f "$deb" Version)"
step "package $(basename "$deb") (version $version, $(du -m "$deb" | cut -f1) MB)"
if [ "$(id -u)" -eq 0 ] && command -v dpkg >/dev/null; then
  mode=installed
  if dpkg-query -W -f='${Status}' siali-label 2>/dev/null | grep -q "install ok"; then
    echo "smoke: siali-label is already installed here; removing it first (user data is never touched)"
    dpkg -r siali-label >/dev/null
  fi
  launcher=/usr/bin/label-studio
  window_command=/opt/siali-label/lib/tools/start-window.sh

  step "upgrade path: install a copy of the package with the lower version 0.0.1"
  dpkg-deb -R "$deb" "$work/old"
  sed -i 's/^Version: .*/Version: 0.0.1/' "$work/old/DEBIAN/control"
  dpkg-deb -Zgzip -z1 -b "$work/old" "$work/siali-label_0.0.1.deb" >/dev/null
  rm -rf "$work/old"
  dpkg -i "$work/siali-label_0.0.1.deb" || fail "dpkg -i of the 0.0.1 package failed (missing Depends? see .ci/run)"
  installed=yes
  [ "$(dpkg-query -W -f='${Version}' siali-label)" = 0.0.1 ] || fail "0.0.1 is not the installed version"
  start_app "0.0.1" "$launcher" --headless --username "$email" --password "$password"
  grep -q "User $email created" "$app_out" || fail "0.0.1: the account was not created"
  stop_app "0.0.1"

  step "upgrade to $version over 0.0.1 (dpkg -i)"
  dpkg -i "$deb" || fail "dpkg -i of $deb failed"
  [ "$(dpkg-query -W -f='${Version}' siali-label)" = "$version" ] || fail "$version is not the installed version"
  [ "$(readlink /usr/bin/label-studio)" = /opt/siali-label/bin/label-studio ] || fail "/usr/bin/label-studio is not our link"
  [ -f /usr/share/applications/siali-label-siali-label.desktop ] || fail "the 'Siali Label' menu entry is missing"
  grep -q '^Name=Siali Label$' /usr/share/applications/siali-label-siali-label.desktop || fail "menu entry not named Siali Label"
  grep -q '^Exec=/opt/siali-label/lib/tools/start-window.sh$' /usr/share/applications/siali-label-siali-label.desktop \
    || fail "the menu entry does not run lib/tools/start-window.sh"
  if [ -f /opt/siali-label/lib/app/siali-label.aot ]; then
    echo "smoke: start-up archive present ($(du -m /opt/siali-label/lib/app/siali-label.aot | cut -f1) MB)"
  else
    fail "postinst made no start-up archive"
  fi
else
  mode=extracted
  step "not root: extracting the package with dpkg-deb (no upgrade, menu or PATH checks)"
  dpkg-deb -x "$deb" "$work/root"
  launcher="$work/root/opt/siali-label/bin/label-studio"
  window_command="$work/root/opt/siali-label/lib/tools/start-window.sh"
  sh "$work/root/opt/siali-label/lib/tools/startup-archive.sh" "$work/root/opt/siali-label" \
    || echo "smoke: (no start-up archive; the application starts without it)"
fi

if [ "$mode" = installed ]; then
  step "the start-up archive is used; a stale or missing one is skipped without a word"
  aot_log="$(_JAVA_OPTIONS=-Xlog:aot "$launcher" --version 2>&1)" || fail "--version with -Xlog:aot failed"
  grep -q "Opened AOT cache" <<<"$aot_log" && ! grep -q '\[error' <<<"$aot_log" \
    || fail "the JVM did not use the start-up archive: $(grep -m 3 'warning\|error' <<<"$aot_log")"
  echo "smoke: the JVM opened and accepted /opt/siali-label/lib/app/siali-label.aot"
  cp -a /opt/siali-label "$work/copy"
  touch "$work/copy/lib/app/"picocli-*.jar   # the archive no longer matches this jar
  [ "$("$work/copy/bin/label-studio" --version 2>&1)" = "$("$launcher" --version 2>&1)" ] \
    || fail "a stale start-up archive changed what --version prints: $("$work/copy/bin/label-studio" --version 2>&1)"
  rm -f "$work/copy/lib/app/siali-label.aot"
  [ "$("$work/copy/bin/label-studio" --version 2>&1)" = "$("$launcher" --version 2>&1)" ] \
    || fail "without the start-up archive --version prints: $("$work/copy/bin/label-studio" --version 2>&1)"
  rm -rf "$work/copy"
  echo "smoke: a stale and a missing archive: same output, no warnings"
fi

# --- the command line against the installed application --------------------------------------------------------
step "label-studio --version"
expect_output "--version" "Siali Label " "$launcher" --version

step "label-studio start --headless"
if [ "$mode" = installed ]; then
  start_app "headless" "$launcher" --headless --username "$email" --password "$password"
  grep -q "User $email already exists" "$app_out" || fail "the account made by 0.0.1 is gone after the upgrade"
  echo "smoke: the account created by 0.0.1 survived the upgrade"
else
  start_app "headless" "$launcher" --headless --username "$email" --password "$password"
fi

step "label-studio user (asks the running instance)"
expect_output "user" "'email': '$email'" "$launcher" user --username "$email" --data-dir "$data_dir"
step "label-studio reset_password (asks the running instance)"
expect_output "reset_password" "Password successfully changed" \
  "$launcher" reset_password --username "$email" --password "$new_password" --data-dir "$data_dir"
stop_app "headless"

# --- the window under Xvfb --------------------------------------------------------------------------------------
step "the menu entry's command with a display (Xvfb): the user's window cache, and a screenshot"
mkdir -p "$out_dir"
shot="$out_dir/window.png"
rm -f "$shot"
# xvfb-run (-a: a free display number) runs this script again for the part that needs DISPLAY.
SMOKE_WINDOW_STAGE=1 SMOKE_WORK="$work" SMOKE_WINDOW_COMMAND="$window_command" SMOKE_SHOT="$shot" \
  xvfb-run -a -s "-screen 0 1280x800x24" "$0" || fail "the run with a display failed"
[ -s "$shot" ] || fail "no screenshot was written"
echo "smoke: screenshot $shot ($(du -k "$shot" | cut -f1) KB; a plain background means no window opened yet)"

# --- uninstall ----------------------------------------------------------------------------------------------------
if [ "$mode" = installed ]; then
  step "dpkg -r siali-label"
  dpkg -r siali-label || fail "dpkg -r failed"
  installed=""
  [ ! -e /opt/siali-label ] || fail "/opt/siali-label is still there after removal: $(find /opt/siali-label | head -n 5)"
  [ ! -e /usr/bin/label-studio ] && [ ! -L /usr/bin/label-studio ] || fail "/usr/bin/label-studio is still there"
  [ ! -e /usr/share/applications/siali-label-siali-label.desktop ] || fail "the menu entry is still there"
fi
[ -f "$data_dir/siali-label.mv.db" ] || fail "the data directory lost its database: $(ls -la "$data_dir" 2>&1)"
echo "smoke: data directory kept: $(ls "$data_dir" | tr '\n' ' ')"

step "passed"
