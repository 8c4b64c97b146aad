#!/usr/bin/env bash
# Runs Restriction Ledger on this machine without Docker: a real Kafka broker and PostgreSQL (data in .local-data/),
# the three services, and the sample data. Ctrl-C stops everything; the next run keeps the data. Bearer tokens: a
# signing key pair in .local-data/auth/ (made on the first run); once up, it prints a local reporter and operator token.
# Ports: INGEST_PORT=8081 LEDGER_PORT=8082 QUERY_PORT=8083 KAFKA_PORT=9092 POSTGRES_PORT=5433 (all overridable);
# management (health, metrics, OpenAPI): INGEST_MANAGEMENT_PORT=9001 LEDGER_MANAGEMENT_PORT=9002 QUERY_MANAGEMENT_PORT=9003.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/use-jdk.sh

needed=(ingest-service/target/quarkus-app/quarkus-run.jar
        ledger-service/target/quarkus-app/quarkus-run.jar
        query-service/target/quarkus-app/quarkus-run.jar
        local-infra/target/launcher.classpath)
for file in "${needed[@]}"; do
  if [ ! -f "$file" ]; then
    echo "local  | building (first run): ./mvnw -B -q package -DskipTests"
    ./mvnw -B -q package -DskipTests
    break
  fi
done

exec java -Xmx256m -Drl.root="$PWD" \
  -cp "local-infra/target/classes:$(cat local-infra/target/launcher.classpath)" \
  org.restrictionledger.infra.LocalStack "$@"
