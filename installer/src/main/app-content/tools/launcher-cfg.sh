# shellcheck shell=sh
# Sourced (POSIX sh) by startup-archive.sh, start-window.sh and installer/bench-window.sh: reads a jpackage
# launcher configuration (lib/app/<launcher>.cfg), the one place that holds the class path, main class and JVM
# options, so that the scripts start exactly the JVM the launchers start.

# launcher_cfg CFG KEY: the values of KEY (app.classpath, app.mainclass, java-options), one per line, in their
# order, with $APPDIR resolved to the directory of CFG.
launcher_cfg() {
  sed -n "s/^$(printf '%s' "$2" | sed 's/\./\\./g')=//p" "$1" | sed "s|\$APPDIR|$(dirname "$1")|g"
}

# launcher_classpath CFG: the class path, joined with ':'.
launcher_classpath() {
  launcher_cfg "$1" app.classpath | paste -s -d: -
}
