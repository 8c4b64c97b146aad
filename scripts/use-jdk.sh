# Sourced by ./run-local.sh, ./rl, benchmarks/run.sh and .ci/run: the build and the services need Java 25 or newer
# (README, "Requirements"). Keeps JAVA_HOME when it is one; else takes the newest JDK 25+ under /usr/lib/jvm (where
# Debian and Temurin packages put them); else stops, saying what to install. Exports JAVA_HOME and puts its bin first
# on PATH, so ./mvnw and java agree.
rl_java_feature() { # the feature release of a java binary (17, 21, 25 …), or 0
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -1 | grep . || echo 0
}

rl_use_jdk() {
  local want=25 home best="" best_feature=0 feature
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(rl_java_feature "$JAVA_HOME/bin/java")" -ge "$want" ]; then
    best="$JAVA_HOME"
  else
    for home in /usr/lib/jvm/*/; do
      home="${home%/}"
      [ -x "$home/bin/javac" ] || continue
      feature="$(rl_java_feature "$home/bin/java")"
      if [ "$feature" -ge "$want" ] && [ "$feature" -gt "$best_feature" ]; then
        best="$home" best_feature="$feature"
      fi
    done
  fi
  if [ -z "$best" ]; then
    echo "Restriction Ledger needs a Java $want (or newer) JDK: none found in JAVA_HOME (${JAVA_HOME:-unset}) or under /usr/lib/jvm." >&2
    echo "Install one (e.g. Eclipse Temurin $want) and set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
}

rl_use_jdk
