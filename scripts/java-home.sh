# Sourced by the project's scripts: exports JAVA_HOME pointing at a JDK of version 21 or newer.
# Order: $JAVA_HOME if new enough, then the newest JDK under /usr/lib/jvm, then `java` on PATH.

gatehouse_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1
}

gatehouse_pick_jdk() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(gatehouse_java_major "$JAVA_HOME")
    if [ "${major:-0}" -ge 21 ]; then echo "$JAVA_HOME"; return 0; fi
  fi
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(gatehouse_java_major "$candidate")
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best=$candidate; best_major=$major; fi
  done
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(gatehouse_java_major "$candidate")
    if [ "${major:-0}" -ge 21 ]; then best=$candidate; fi
  fi
  [ -n "$best" ] || return 1
  echo "$best"
}

if ! JAVA_HOME=$(gatehouse_pick_jdk); then
  echo "Gatehouse needs a JDK of version 21 or newer (none found in \$JAVA_HOME, /usr/lib/jvm or on PATH)." >&2
  echo "Install one (for example Temurin 21 or 25) and set JAVA_HOME to it." >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

# JVM flags for running Gatehouse on this JDK: Undertow's XNIO and JBoss Threads still use
# sun.misc.Unsafe, which JDK 23+ warns about at every start.
GATEHOUSE_JVM_FLAGS=()
if [ "$(gatehouse_java_major "$JAVA_HOME")" -ge 23 ]; then
  GATEHOUSE_JVM_FLAGS+=(--sun-misc-unsafe-memory-access=allow)
  # Maven's own Guava does the same: keep the build output quiet too.
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED"
fi
