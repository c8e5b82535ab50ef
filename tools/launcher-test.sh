#!/usr/bin/env bash
# Tests ./label-studio's start-up cache (tools/startup-cache.sh, ADR 0010) the way a user meets it, with headless
# starts on a throw-away data directory: a failed start's recording is dropped; a start that served records
# however soon it stops; the next start makes the cache; the one after uses it. Run by .ci/run after the test suite.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
caches="$root/app-desktop/target/aot"
work=$(mktemp -d "${TMPDIR:-/tmp}/launcher-test.XXXXXX")
pid=""
cleanup() {
  [ -z "$pid" ] || kill -KILL "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "launcher-test: FAILED: $1" >&2
  [ ! -f "$work/out" ] || sed 's/^/  | /' "$work/out" >&2
  exit 1
}

# start_app NAME: starts `./label-studio start --headless` in the background and waits until it serves.
start_app() {
  ./label-studio start --headless --host 127.0.0.1 --port 0 --data-dir "$work/data" >"$work/out" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    grep -q "Siali Label is running at" "$work/out" && return 0
    kill -0 "$pid" 2>/dev/null || fail "$1 exited early"
    sleep 0.1
  done
  fail "$1 did not serve within 60 s"
}

# stop_app NAME: SIGTERM, as Ctrl-C or a service manager would, and the process must end cleanly.
stop_app() {
  kill -TERM "$pid"
  local waited=0
  while kill -0 "$pid" 2>/dev/null; do
    [ "$waited" -lt 300 ] || fail "$1 still running 30 s after SIGTERM"
    sleep 0.1
    waited=$((waited + 1))
  done
  wait "$pid" || true
  pid=""
  ! grep -q "Exception\|^\s*at " "$work/out" || fail "$1 printed a stack trace"
}

cd "$root"
./label-studio --version >/dev/null # builds when the sources changed
rm -f "$caches"/start-headless.*

# only_our_lines NAME FILE: the terminal shows Siali Label's own lines, none of the JVM's or a library's.
only_our_lines() {
  ! grep -n "AOTConfiguration\|^WARNING:\|sun\.misc\.Unsafe\|Gdk-\|Gtk-\|GLib-" "$2" \
    || fail "$1 printed lines that are not Siali Label's own"
}

echo "launcher-test: a recording start prints only our own lines (--help, a busy port, already running)"
./label-studio start --help >"$work/out" 2>&1 || fail "start --help failed"
grep -q "Usage:" "$work/out" || fail "start --help printed no usage"
only_our_lines "start --help" "$work/out"
rm -f "$caches"/start-headless.*
# This start records nothing (its exit stays quick), so the busy-port and "already running" starts below record.
SIALI_STARTUP_CACHE=off start_app "a first start"
port=$(sed -n 's|.*Siali Label is running at http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$work/out" | head -1)
[ -n "$port" ] || fail "no port in the start's output"
curl -fsS "http://127.0.0.1:$port/user/login/" >/dev/null || fail "the running server did not answer"
./label-studio start --headless --host 127.0.0.1 --port "$port" --data-dir "$work/other" >"$work/busy" 2>&1 \
  && fail "a start on a busy port succeeded"
grep -qi "port" "$work/busy" || fail "the busy-port error does not name the port: $(cat "$work/busy")"
only_our_lines "the busy-port error" "$work/busy"
./label-studio start --headless --data-dir "$work/data" >"$work/again" 2>&1 || true
only_our_lines "already running" "$work/again"
cp "$work/out" "$work/first"
stop_app "a first start"
only_our_lines "a running server" "$work/first"
rm -f "$caches"/start-headless.*

echo "launcher-test: the window's process crops a picture without a second display connection, and stays quiet"
# AWT opening its own X11 connection beside JavaFX's GTK one is what makes GTK print "Gdk-WARNING
# XSetErrorHandler() called with a GDK error trap pushed" (at random moments: the test counts the connection).
token=launcher-test-token-0123456789abcdef
SIALI_STARTUP_CACHE=off xvfb-run -a -s "-screen 0 1280x800x24" ./label-studio start --host 127.0.0.1 --port 0 \
  --data-dir "$work/window" --username lead@example.com --password "correct horse battery" --user-token "$token" \
  >"$work/out" 2>&1 &
for _ in $(seq 1 900); do
  grep -q "Admin window open" "$work/out" && break
  sleep 0.1
done
grep -q "Admin window open" "$work/out" || fail "the window did not open within 90 s"
window_pid=$(pgrep -f "java.*$work/window" | tail -1)
port=$(sed -n 's|.*Siali Label is running at http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$work/out" | head -1)
connections() { ss -xpn | grep -c "pid=$window_pid,"; }
before=$(connections)
convert -size 800x800 gradient:blue-white "$work/picture.png"
me=$(curl -fsS -H "Authorization: Token $token" "http://127.0.0.1:$port/api/current-user/whoami" | sed 's/.*"id": *\([0-9]*\).*/\1/')
curl -fsS -o /dev/null -H "Authorization: Token $token" -F "avatar=@$work/picture.png;type=image/png" \
  "http://127.0.0.1:$port/api/users/$me/avatar/" || fail "the picture upload failed"
after=$(connections)
kill -TERM "$window_pid"
for _ in $(seq 1 300); do kill -0 "$window_pid" 2>/dev/null || break; sleep 0.1; done
[ "$after" -le "$before" ] || fail "cropping a picture opened another display connection ($before -> $after sockets)"
only_our_lines "the window's start" "$work/out"
rm -f "$caches"/start-headless.*

echo "launcher-test: a start that fails records, and its recording is dropped by the next start"
SIALI_STARTUP_CACHE=off start_app "a server on the port"
port=$(sed -n 's|.*Siali Label is running at http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$work/out" | head -1)
./label-studio start --headless --host 127.0.0.1 --port "$port" --data-dir "$work/other" >"$work/busy" 2>&1 \
  && fail "a start on a busy port succeeded"
[ -f "$caches/start-headless.aotconf.lock" ] || fail "the failing start did not take the recording lock"
[ ! -e "$caches/start-headless.aotconf.served" ] || fail "the failing start marked its recording as served"
stop_app "a server on the port"

echo "launcher-test: a start that served records, however soon it stops"
start_app "recording start"
[ "$(cat "$caches/start-headless.aotconf.lock")" = "$pid" ] || fail "the recording start does not hold the lock"
[ ! -s "$caches/start-headless.aotconf" ] || fail "the failed start's recording was kept"
for _ in $(seq 1 50); do
  [ ! -e "$caches/start-headless.aotconf.served" ] || break
  sleep 0.1
done
[ -e "$caches/start-headless.aotconf.served" ] || fail "the serving start did not mark its recording"
stop_app "recording start"
[ -s "$caches/start-headless.aotconf" ] || fail "the recording start left no recording"

echo "launcher-test: the next start makes the cache in the background"
start_app "making start"
stop_app "making start"
for _ in $(seq 1 1200); do
  [ -e "$caches/making" ] || break
  sleep 0.1
done
[ -s "$caches/start-headless.aot" ] || fail "no cache was made: $(cat "$caches/making.log" 2>/dev/null)"
[ ! -s "$caches/start-headless.aotconf" ] || fail "the recording was not removed after making the cache"

echo "launcher-test: the start after that uses the cache"
# -Xlog:aot in _JAVA_OPTIONS comes after the launcher's -Xlog:aot=off, so the JVM says which cache it opened.
_JAVA_OPTIONS=-Xlog:aot start_app "cached start"
stop_app "cached start"
grep -q "Opened AOT cache" "$work/out" || fail "the start did not open the cache"

echo "launcher-test: passed"
