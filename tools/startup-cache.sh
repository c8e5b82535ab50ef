# shellcheck shell=bash
# Sourced by ./label-studio and by the package's menu entry (lib/tools/start-window.sh, ADR 0012): the start-up cache
# of a `label-studio start`, made from its own starts (ADR 0010).
#
# A JDK 25 AOT cache (JEP 483/514/515) holds the classes a start loads, already parsed and linked, plus method
# profiles; with it the window and the server are ready in about 40 % of the time. It is only valid for the jars
# and JDK it was made with, so it is made here from this checkout's own starts and kept with the build output
# (app-desktop/target/aot: a rebuild or `mvn clean` drops it):
#   1. a start without a cache records which classes it used (-XX:AOTMode=record); the JVM writes that down as
#      it exits (about a second) and prints one "AOTConfiguration recorded" line;
#   2. the next start makes the cache from the recording in the background (niced, a few seconds) and runs as
#      usual meanwhile;
#   3. every start after that uses it.
# The window and a headless start load different classes, so each has its own cache. Set
# SIALI_STARTUP_CACHE=off to start without one (for comparisons). A cache that does not fit (a broken file,
# another JDK) is skipped silently by the JVM (AOTMode auto, aot logging off): never worse than no cache.

# startup_cache_options DIR MODE CLASSPATH JAVA_OPTIONS... : sets STARTUP_CACHE_OPTIONS (an array of JVM options).
startup_cache_options() {
  local dir=$1 mode=$2 classpath=$3
  shift 3
  STARTUP_CACHE_OPTIONS=()
  [ "${SIALI_STARTUP_CACHE:-on}" != off ] || return 0
  local cache="$dir/start-$mode.aot" recording="$dir/start-$mode.aotconf"
  mkdir -p "$dir" 2>/dev/null || return 0
  if [ -s "$cache" ]; then
    STARTUP_CACHE_OPTIONS=(-XX:AOTCache="$cache" -Xlog:aot=off -Xlog:cds=off)
  elif [ -s "$recording" ] && startup_cache_recording_served "$recording"; then
    startup_cache_make "$dir" "$cache" "$recording" "$classpath" "$@"
  elif ! kill -0 "$(cat "$recording.lock" 2>/dev/null || echo none)" 2>/dev/null; then
    # Only one start records at a time (a second start that merely brings the window to the front would
    # record very little). The lock holds the recording start's process id (./label-studio execs java, so
    # it is the JVM's); it is taken over once that process is gone without leaving a recording.
    echo "$$" >"$recording.lock"
    rm -f "$recording.served"
    # The JVM announces the recording as it exits ("AOTConfiguration recorded: …") on the VM's own output,
    # which -Xlog does not govern; -DisplayVMOutput keeps it (and only the VM's own chatter) off the terminal.
    # The application creates $recording.served once it serves (and its window is open): see below.
    STARTUP_CACHE_OPTIONS=(-XX:AOTMode=record -XX:AOTConfiguration="$recording" -Xlog:aot=off -Xlog:cds=off
      -XX:+UnlockDiagnosticVMOptions -XX:-DisplayVMOutput -Dsiali.startupCache.servedMarker="$recording.served")
  fi
}

# A recording is worth a cache only if its start got as far as serving (and opening its window): a start that
# failed, printed --help or only brought a running window to the front used a fraction of the classes. The
# application marks it (StartupRecording: $recording.served), so a start stopped right after its first answer
# counts, as an operator's restarts and the benchmarks' starts do. Any other recording is dropped, and the next
# start records again.
startup_cache_recording_served() {
  local recording=$1
  if [ -e "$recording.served" ]; then
    return 0
  fi
  rm -f "$recording" "$recording.lock"
  return 1
}

# Makes the cache from the recording in the background; a failed attempt drops the recording so that a later
# start records again.
startup_cache_make() {
  local dir=$1 cache=$2 recording=$3 classpath=$4
  shift 4
  # Another start is making it, unless that was minutes ago and broke off.
  [ -z "$(find "$dir/making" -maxdepth 0 -mmin +5 2>/dev/null)" ] || rm -rf "$dir/making"
  mkdir "$dir/making" 2>/dev/null || return 0
  (
    if nice -n 10 "$JAVA_HOME/bin/java" "$@" -XX:AOTMode=create -XX:AOTConfiguration="$recording" \
        -XX:AOTCache="$cache.tmp" -Xlog:aot=off -Xlog:cds=off -cp "$classpath" >"$dir/making.log" 2>&1 \
        && [ -s "$cache.tmp" ]; then
      mv -f "$cache.tmp" "$cache"
    fi
    rm -f "$cache.tmp" "$recording" "$recording.lock" "$recording.served"
    rmdir "$dir/making"
  ) </dev/null >/dev/null 2>&1 &
}

# startup_cache_check DIR JAR [IDENTITY]: drops the caches when the jars or the JDK they were made for changed:
# when JAR is newer than the caches, or IDENTITY (default: the JDK's path) is not the one they were made for.
startup_cache_check() {
  local dir=$1 jar=$2 identity=${3:-$JAVA_HOME} stamp="$1/made-for"
  if [ -d "$dir" ] && { [ "$jar" -nt "$stamp" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$identity" ]; }; then
    rm -rf "$dir"
  fi
  if ! [ -d "$dir" ]; then
    mkdir -p "$dir" 2>/dev/null && echo "$identity" >"$stamp"
  fi
  return 0
}
