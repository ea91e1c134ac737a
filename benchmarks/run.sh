#!/usr/bin/env bash
# Password-change cost with 24 history entries: a refused change (too short) against an accepted one, once with the
# bundle's ordered password-policy manager and once with Keycloak's stock one, each in its own server.
# Needs a prior `mvn verify` (it copies the Keycloak that the integration tests built, with the bundle and realm).
set -euo pipefail
cd "$(dirname "$0")/.."
SOURCE=integration-tests/target/keycloak-26.7.3
WORK=benchmarks/target/keycloak
PROGRAM=benchmarks/src/main/java/gov/alacop/keycloak/benchmarks/PasswordChangeBenchmark.java
[ -x "$SOURCE/bin/kc.sh" ] || { echo "Run mvn verify first ($SOURCE is missing)"; exit 1; }
rm -rf "$WORK" && mkdir -p benchmarks/target && cp -r "$SOURCE" "$WORK"

measure() {
  local label=$1; shift
  JAVA_OPTS_KC_HEAP="-Xms256m -Xmx1g" bash "$WORK/bin/kc.sh" start --http-enabled=true --http-port=18080 \
    --http-management-port=19000 --hostname-strict=false --health-enabled=true --cache=local --db=dev-file "$@" \
    > "benchmarks/target/keycloak-$label.log" 2>&1 &
  local script=$!
  until curl -sf http://localhost:19000/health/ready > /dev/null; do sleep 1; done
  # kc.sh ends by exec'ing java, so the background job is Keycloak's JVM itself (else take its java child).
  local java=$script
  if [ "$(cat /proc/$script/comm)" != "java" ]; then java=$(pgrep -P "$script" java); fi
  java "$PROGRAM" http://localhost:18080 "$java" "$label" | tee -a benchmarks/target/results.txt
  kill "$java"; wait "$script" || true
}

: > benchmarks/target/results.txt
measure alacop-ordered
measure keycloak-default --spi-password-policy-manager--provider=default
