# Sourced by ./label-studio and ./run-tests: finds a JDK 25 or newer without the user setting JAVA_HOME.
# Order: $JAVA_HOME, then the usual install locations, then `java` on the PATH. Exports JAVA_HOME.

jdk_feature_version() { # prints the feature version (17, 25, ...) of the JDK in $1, or nothing
  local home=$1 v
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
  fi
  if [ -z "${v:-}" ]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
  fi
  echo "${v:-}"
}

find_jdk() {
  local candidate v
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* \
      /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/* \
      "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$candidate" ] && [ -d "$candidate" ] || continue
    v=$(jdk_feature_version "$candidate")
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "Siali Label needs a JDK 25 or newer (for example Temurin 25 or openjdk-25-jdk); none was found. Install one or set JAVA_HOME to it." >&2
  return 1
}

# The application's JVM options, used by ./label-studio and by tools/bench console (and mirrored by the installer's
# launcher). The serial collector with a bounded heap suits a desktop admin tool: each page of People is 100 rows,
# and the idle memory target is 300 MB (docs/PERFORMANCE.md).
# --sun-misc-unsafe-memory-access=allow: Undertow (XNIO) frees its direct buffers through sun.misc.Unsafe's
# invokeCleaner, which JDK 24+ warns about on the terminal the first time (JEP 498); the use is deliberate and
# supported until the JDK removes it.
# -XX:TrimNativeHeapInterval=30000: every 30 s the JVM asks the C library to give back the memory its threads freed.
# Without it glibc keeps each thread's freed blocks (Argon2's 19 MiB, the JIT compilers' arenas) in that thread's
# arena for good: a soak grew by four such arenas of 20-27 MB each (docs/PERFORMANCE.md, issue #18).
# -Djava.awt.headless=true: the pictures are cropped with java.awt on BufferedImages only; without it the first
# Graphics2D opens AWT's own X11 display beside JavaFX's GTK one, and GTK then prints "Gdk-WARNING
# XSetErrorHandler() called with a GDK error trap pushed" on the terminal (JavaFX does not read this property).
APP_JAVA_OPTIONS=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Djava.awt.headless=true
  -Xss1m -XX:+UseSerialGC -Xms48m -Xmx512m -XX:TrimNativeHeapInterval=30000)
