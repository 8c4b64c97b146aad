#!/usr/bin/env bash
# Issue #9's benchmark, full form: builds the services and the harness from this tree (so the figures belong to the
# commit in RESULTS.md), starts the local stack like ./run-local.sh (fresh data under benchmarks/target/bench-data/),
# drives it through the public HTTP API, prints one table and writes benchmarks/RESULTS.md. See README, "Performance".
#   benchmarks/run.sh                                  # the full form (tens of minutes on 2 cores)
#   benchmarks/run.sh --form=smoke                     # a minute or two; writes benchmarks/target/RESULTS-smoke.md
#   benchmarks/run.sh --instances=1 --budget=PT5M      # any option of benchmarks/.../Options.java
#   benchmarks/run.sh --ingest-url=http://127.0.0.1:8081 --ledger-url=http://127.0.0.1:8082 \
#       --query-url=http://127.0.0.1:8083 --kafka=127.0.0.1:9092 --postgres-url=jdbc:postgresql://127.0.0.1:5433/postgres
# BENCH_SKIP_BUILD=1 skips the build (the jars must then be those of the commit you mean to measure).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/use-jdk.sh

if [ "${BENCH_SKIP_BUILD:-}" != "1" ]; then
  echo "bench  | building: ./mvnw -B -q -ntp -pl benchmarks -am package -DskipTests"
  ./mvnw -B -q -ntp -pl benchmarks -am package -DskipTests
fi

exec java -Xmx512m -Drl.root="$PWD" \
  -cp "benchmarks/target/classes:$(cat benchmarks/target/harness.classpath)" \
  org.restrictionledger.bench.Benchmark "$@"
