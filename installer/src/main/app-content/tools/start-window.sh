#!/bin/bash
# The menu entry's command on Linux: starts Siali Label with its window, like bin/siali-label, but with a start-up
# cache of the user's own (ADR 0012).
#
# Why not bin/siali-label alone: the archive that postinst makes (lib/app/siali-label.aot) is recorded from a
# headless start, because postinst has no display. It holds no JavaFX class, so the window's first seconds load
# and link them from the jars. A cache recorded from a start with the window holds them too. Only a start on the
# user's display can record one, and only the user can write it, so it lives in the user's cache directory,
# ${XDG_CACHE_HOME:-~/.cache}/siali-label/startup, and goes through the same cycle as ./label-studio's
# (tools/startup-cache.sh, packaged as lib/startup-cache.sh):
#   0. the user's first start of this version uses the package's archive, as bin/siali-label does (a recording
#      start is about twice as slow, and for a new owner this start is the first impression: the sign-up);
#   1. the next start records which classes it used; a start that never opened its window is not kept;
#   2. the next start makes the cache in the background (niced) and uses the package's archive meanwhile;
#   3. every start after that uses it.
# A new version of the package (other jars) drops the user's cache and the cycle starts again. Without a
# writable cache directory, or with SIALI_STARTUP_CACHE=off, it starts exactly like bin/siali-label.
#
# The JVM is started as the launcher starts it: the runtime's java with the class path, main class and options of
# lib/app/siali-label.cfg, the launcher's configuration, so there is still one place for them.
set -u
tools="$(cd "$(dirname "$(readlink -f "$0")")" && pwd)"
root="${tools%/lib/tools}"
app="$root/lib/app"
cfg="$app/siali-label.cfg"
export JAVA_HOME="$root/lib/runtime"

. "$tools/launcher-cfg.sh"
classpath=$(launcher_classpath "$cfg")
main_class=$(launcher_cfg "$cfg" app.mainclass)
options=()
package_archive=()
while IFS= read -r option; do
  case "$option" in
    -XX:AOTCache=* | -Xlog:aot*) package_archive+=("$option") ;;
    *) options+=("$option") ;;
  esac
done < <(launcher_cfg "$cfg" java-options)

# The user's cache is only valid for these jars, exactly (the JVM checks their sizes and modification times).
jars_identity="$JAVA_HOME $(stat -c '%n %s %Y' "$app"/*.jar | md5sum | cut -d' ' -f1)"
STARTUP_CACHE_OPTIONS=()
if [ -n "${HOME:-}${XDG_CACHE_HOME:-}" ] && [ -r "$root/lib/startup-cache.sh" ]; then
  cache_dir="${XDG_CACHE_HOME:-${HOME:-}/.cache}/siali-label/startup"
  . "$root/lib/startup-cache.sh"
  seen_before=no
  [ "$(cat "$cache_dir/made-for" 2>/dev/null)" != "$jars_identity" ] || seen_before=yes
  startup_cache_check "$cache_dir" "$cfg" "$jars_identity"
  # The user's first start of this version (for a new owner, the sign-up) keeps the package's archive: a
  # recording start runs without any archive and takes about twice as long. The cycle begins with the next one.
  [ "$seen_before" = no ] || startup_cache_options "$cache_dir" window "$classpath" "${options[@]}"
fi
[ "${#STARTUP_CACHE_OPTIONS[@]}" -gt 0 ] || STARTUP_CACHE_OPTIONS=("${package_archive[@]}")

[ "$#" -gt 0 ] || set -- start   # the launcher's default argument
exec "$JAVA_HOME/bin/java" "${options[@]}" ${STARTUP_CACHE_OPTIONS[@]+"${STARTUP_CACHE_OPTIONS[@]}"} \
  -cp "$classpath" "$main_class" "$@"
