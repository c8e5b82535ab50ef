#!/bin/sh
# Makes the start-up archive of a Siali Label installation: a JDK 25 AOT cache (JEP 483/514) recorded while
# the application starts headless once, then serves its first requests. The launchers name it with
# -XX:AOTCache=$APPDIR/siali-label.aot (AOTMode auto): when it is missing or belongs to other jars, the JVM
# ignores it and starts normally, only slower. Run by the .deb's postinst and by the build for the app image.
#
# Usage: startup-archive.sh APP_ROOT    (/opt/siali-label, or an app image; macOS: the .app directory)
# Exit 0 when the archive was made; 1 (with one line saying why) when not. Bounded to about two minutes.
set -eu

root=${1:?usage: startup-archive.sh APP_ROOT}
if [ -d "$root/lib/app" ]; then
  app="$root/lib/app"; java="$root/lib/runtime/bin/java"
else
  app="$root/Contents/app"; java="$root/Contents/runtime/Contents/Home/bin/java"
fi
cfg="$app/label-studio.cfg"
archive="$app/siali-label.aot"
fail() { echo "siali-label: start-up archive not made ($1); Siali Label starts without it, only slower" >&2; exit 1; }
[ -x "$java" ] && [ -f "$cfg" ] || fail "no runtime or launcher configuration under $root"

# The archive is only valid for the class path and options the launcher uses, so take them from its
# configuration, in its order; leave out our own AOT options.
. "$(dirname "$0")/launcher-cfg.sh"
classpath=$(launcher_classpath "$cfg")
main_class=$(launcher_cfg "$cfg" app.mainclass)
options=$(launcher_cfg "$cfg" java-options | grep -v -e 'AOTCache' -e '^-Xlog:aot')

work=$(mktemp -d "${TMPDIR:-/tmp}/siali-label-aot.XXXXXX")
pid=""
cleanup() {
  [ -z "$pid" ] || kill "$pid" 2>/dev/null || true
  rm -rf "$work"
  rm -f "$archive.tmp" "$archive.tmp.config"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

echo "siali-label: making the start-up archive (one headless start, about ten seconds)..."
# A throw-away data directory and HOME (JNA unpacks libargon2 under it), loopback only, a port the OS picks.
# shellcheck disable=SC2086 # the options are one per line and contain no spaces
HOME="$work" "$java" $options -XX:AOTCacheOutput="$archive.tmp" -cp "$classpath" "$main_class" \
  start --headless --host 127.0.0.1 --port 0 --data-dir "$work/data" \
  --username training@example.com --password "startup-archive-$(date +%s)-training" \
  >"$work/out" 2>&1 &
pid=$!
waited=0
until grep -q 'Siali Label is running at' "$work/out" 2>/dev/null; do
  # The application's own errors are one line starting "label-studio:" (an exited child stays a zombie, so
  # kill -0 alone would not notice).
  ! grep -q '^label-studio:\|^Error' "$work/out" 2>/dev/null || fail "the training start failed: $(tail -n 1 "$work/out")"
  kill -0 "$pid" 2>/dev/null || fail "the training start stopped early: $(tail -n 1 "$work/out")"
  [ "$waited" -lt 600 ] || fail "the training start did not come up within 60 s"
  sleep 0.1
  waited=$((waited + 1))
done
# Let the first requests' classes load too: the page every browser asks for first, and the health check.
url=$(sed -n 's/.*Siali Label is running at \(http[^ ]*\).*/\1/p' "$work/out" | head -n 1)
if command -v curl >/dev/null 2>&1 && [ -n "$url" ]; then
  curl -s -o /dev/null "${url}health" || true
  curl -s -o /dev/null "${url}user/login/" || true
fi
# SIGTERM: the application stops in order and the JVM writes the archive on its way out.
kill -TERM "$pid"
(sleep 120 && kill -KILL "$pid") >/dev/null 2>&1 &
watchdog=$!
wait "$pid" || true
pid=""
kill "$watchdog" 2>/dev/null || true
[ -s "$archive.tmp" ] || fail "the JVM wrote no archive: $(grep -i -m 1 'error' "$work/out" || tail -n 1 "$work/out")"
mv -f "$archive.tmp" "$archive"
chmod 0644 "$archive"
echo "siali-label: start-up archive ready: $archive"
