#!/usr/bin/env bash
# rl: the operator's command line for Restriction Ledger (README, "CLI"). Runs cli/target/rl.jar, building it first
# when it is missing. Settings: RL_INGEST_URL, RL_LEDGER_URL, RL_QUERY_URL, RL_KAFKA_BOOTSTRAP_SERVERS, RL_TOKEN, or
# ~/.config/rl/config. `./rl --help` lists the commands and exit codes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/cli/target/rl.jar"
[ -n "${JAVA:-}" ] || source "$here/scripts/use-jdk.sh"
if [ ! -f "$jar" ]; then
  echo "rl: building the CLI (first run): ./mvnw -B -q -pl cli -am package -DskipTests" >&2
  (cd "$here" && ./mvnw -B -q -pl cli -am package -DskipTests >&2)
fi
exec "${JAVA:-java}" ${RL_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1} -jar "$jar" "$@"
