#!/usr/bin/env bash
# Load: N concurrent officers repeat the full AlaCOP sign-in (identifier, password, app code, "Stay signed in?" No,
# the relying party's code exchange) for a while, first against a two-node cluster behind HAProxy, then against one
# node behind the same HAProxy. Results (text + JSON, with the machine and this command) go to benchmarks/target/.
#
#   benchmarks/load.sh [--officers 50] [--duration 300] [--warmup 20] [--accounts-per-officer 20]
#                      [--db-url jdbc:postgresql://127.0.0.1:5432/alacop_load] [--db-user alacop] [--db-password alacop]
#                      [--only cluster|single]
#
# Needs a prior `mvn verify` (it copies the Keycloak that the integration tests unpacked, deploys the bundle from
# distribution/target/providers), PostgreSQL with that database (its public schema is emptied at every start) and
# HAProxy (/usr/sbin/haproxy). Each node is `kc.sh start` (production mode) with the options of the cluster tests
# (KeycloakServer.clusterOptions()): --cache=ispn, Infinispan and every listener on 127.0.0.1, --proxy-headers=xforwarded.
set -euo pipefail
cd "$(dirname "$0")/.."
COMMAND="benchmarks/load.sh $*"

OFFICERS=50
DURATION=300
WARMUP=20
# An app code is accepted once and an account has at most two codes per 30-s period: with one account an officer
# would mostly wait for the next period (50 officers: under 2 sign-ins/s whatever the server can do). With 10 per
# officer the one-node run of 2026-12-04 still spent 40 % of its time waiting for codes: 20.
ACCOUNTS=20
DB_URL=jdbc:postgresql://127.0.0.1:5432/alacop_load
DB_USER=alacop
DB_PASSWORD=alacop
ONLY=
while [ $# -gt 0 ]; do
  case "$1" in
    --officers) OFFICERS=$2 ;;
    --duration) DURATION=$2 ;;
    --warmup) WARMUP=$2 ;;
    --accounts-per-officer) ACCOUNTS=$2 ;;
    --db-url) DB_URL=$2 ;;
    --db-user) DB_USER=$2 ;;
    --db-password) DB_PASSWORD=$2 ;;
    --only) ONLY=$2 ;;
    *) echo "Unknown option $1 (see the head of $0)"; exit 2 ;;
  esac
  shift 2
done

SOURCE=integration-tests/target/keycloak-26.7.3
PROVIDERS=distribution/target/providers
OUT=benchmarks/target/load
HAPROXY=${HAPROXY:-/usr/sbin/haproxy}
LB_PORT=18000
LB_ADMIN=18999
declare -A HTTP_PORT=([a]=18081 [b]=18082) MGMT_PORT=([a]=19001 [b]=19002) ISPN_PORT=([a]=7811 [b]=7812)
declare -A SCRIPT_PID=() JAVA_PID=()
HAPROXY_PID=

[ -x "$SOURCE/bin/kc.sh" ] || { echo "Run mvn verify first ($SOURCE is missing)"; exit 1; }
ls "$PROVIDERS"/*.jar > /dev/null 2>&1 || { echo "Run mvn verify first ($PROVIDERS is empty)"; exit 1; }
[ -x "$HAPROXY" ] || { echo "No HAProxy at $HAPROXY: sudo apt-get install -y haproxy (or HAPROXY=/path)"; exit 1; }
for port in $LB_PORT $LB_ADMIN ${HTTP_PORT[@]} ${MGMT_PORT[@]} ${ISPN_PORT[@]}; do
  if (echo > "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then echo "Port $port is in use"; exit 1; fi
done
mkdir -p "$OUT"

echo "== Building the load driver"
mvn -B -ntp -o -q -pl benchmarks compile dependency:build-classpath -Dmdep.outputFile="$PWD/$OUT/classpath.txt"
DRIVER_CP="benchmarks/target/classes:$(cat "$OUT/classpath.txt")"

stop_node() {
  local name=$1
  [ -n "${JAVA_PID[$name]:-}" ] && kill "${JAVA_PID[$name]}" 2> /dev/null || true
  [ -n "${SCRIPT_PID[$name]:-}" ] && kill "${SCRIPT_PID[$name]}" 2> /dev/null || true
  [ -n "${SCRIPT_PID[$name]:-}" ] && wait "${SCRIPT_PID[$name]}" 2> /dev/null || true
  JAVA_PID[$name]=; SCRIPT_PID[$name]=
}
stop_all() {
  [ -n "$HAPROXY_PID" ] && kill "$HAPROXY_PID" 2> /dev/null && wait "$HAPROXY_PID" 2> /dev/null || true
  HAPROXY_PID=
  stop_node b
  stop_node a
}
trap stop_all EXIT

# Each node its own copy of the distribution (own data/), kept between runs so that Keycloak augments it only once;
# providers/ holds exactly the bundle (unchanged JARs untouched, so that no re-augmentation is needed).
prepare_node() {
  local home=benchmarks/target/keycloak-node-$1
  [ -x "$home/bin/kc.sh" ] || { mkdir -p "$home" && cp -r "$SOURCE"/. "$home"/ && rm -rf "$home/data"; }
  rm -f "$home"/providers/*.jar
  cp -p "$PROVIDERS"/*.jar "$home/providers/"
  rm -rf "$home/data/import" && mkdir -p "$home/data/import"
}

reset_database() {
  local url=${DB_URL#jdbc:}
  url="postgresql://$DB_USER:$DB_PASSWORD@${url#postgresql://}"
  PGOPTIONS=--client-min-messages=warning psql -q -v ON_ERROR_STOP=1 "$url" -c "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;" > /dev/null
}

# start_node NAME [--import-realm]: starts the node, waits for /health/ready, finds its JVM (kc.sh does not exec java).
start_node() {
  local name=$1; shift
  local home=benchmarks/target/keycloak-node-$name
  local log=$OUT/keycloak-node-$name.log
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin JAVA_OPTS_KC_HEAP="-Xms256m -Xmx1g" \
    bash "$home/bin/kc.sh" start --http-enabled=true --http-port="${HTTP_PORT[$name]}" \
    --http-management-port="${MGMT_PORT[$name]}" --hostname-strict=false --health-enabled=true --log-level=INFO \
    --cache=ispn --cache-embedded-network-bind-address=127.0.0.1 --cache-embedded-network-bind-port="${ISPN_PORT[$name]}" \
    --http-host=127.0.0.1 --proxy-headers=xforwarded \
    --spi-message-sender--provider-default=log --spi-message-sender--log--allow-in-production=true \
    --spi-message-sender--log--outbox-dir="$PWD/$OUT/outbox" \
    --db=postgres --db-url="$DB_URL" --db-username="$DB_USER" --db-password="$DB_PASSWORD" "$@" > "$log" 2>&1 &
  SCRIPT_PID[$name]=$!
  local started=$SECONDS
  until curl -sf "http://127.0.0.1:${MGMT_PORT[$name]}/health/ready" > /dev/null; do
    kill -0 "${SCRIPT_PID[$name]}" 2> /dev/null || { echo "Node $name exited; see $log"; tail -30 "$log"; exit 1; }
    [ $((SECONDS - started)) -lt 900 ] || { echo "Node $name not ready after 15 min; see $log"; exit 1; }
    sleep 1
  done
  JAVA_PID[$name]=${SCRIPT_PID[$name]}
  if [ "$(cat "/proc/${SCRIPT_PID[$name]}/comm")" != "java" ]; then JAVA_PID[$name]=$(pgrep -P "${SCRIPT_PID[$name]}" java); fi
  echo "   node $name ready in $((SECONDS - started)) s (JVM pid ${JAVA_PID[$name]}), log $log"
}

# await_view NAME MEMBERS: Infinispan's last cluster view in the node's log has MEMBERS members (ISPN000094).
await_view() {
  local log=$OUT/keycloak-node-$1.log started=$SECONDS
  # "... view for channel ISPN: [node(v=16.0.14)|1] (2) [...]": the member count follows the view id.
  until [ "$(grep -oE 'ISPN000094: Received new cluster view[^|]*\|[0-9]+\] \([0-9]+\)' "$log" | tail -1 | grep -oE '\([0-9]+\)$')" = "($2)" ]; do
    [ $((SECONDS - started)) -lt 180 ] || { echo "Node $1: no cluster view of $2 members; see $log"; exit 1; }
    sleep 1
  done
}

# start_balancer NODE_A NODE_B: the shipped haproxy.cfg; both server lines may name the same node (one-node run).
start_balancer() {
  ALACOP_LB_BIND=127.0.0.1:$LB_PORT ALACOP_LB_ADMIN=127.0.0.1:$LB_ADMIN \
    ALACOP_NODE_A=127.0.0.1:${HTTP_PORT[$1]} ALACOP_MGMT_A=${MGMT_PORT[$1]} \
    ALACOP_NODE_B=127.0.0.1:${HTTP_PORT[$2]} ALACOP_MGMT_B=${MGMT_PORT[$2]} \
    "$HAPROXY" -db -f distribution/src/cluster/haproxy.cfg > "$OUT/haproxy-$3.log" 2>&1 &
  HAPROXY_PID=$!
  local started=$SECONDS
  until curl -sf -o /dev/null "http://127.0.0.1:$LB_PORT/realms/alacop/.well-known/openid-configuration"; do
    [ $((SECONDS - started)) -lt 60 ] || { echo "HAProxy does not reach Keycloak; see $OUT/haproxy-$3.log"; exit 1; }
    sleep 1
  done
}

haproxy_command() {
  exec 3<> "/dev/tcp/127.0.0.1/$LB_ADMIN"
  echo "$1" >&3
  cat <&3
  exec 3>&-
}

machine() {
  echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.1f GiB RAM", $2/1048576}' /proc/meminfo), $(. /etc/os-release && echo "$PRETTY_NAME")"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "keycloak: $(cat "$SOURCE/version.txt"), kc.sh start (production mode), PostgreSQL $(psql --version | awk '{print $3}'), $("$HAPROXY" -v | head -1)"
  echo "command: $COMMAND"
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
}

# other_work LABEL: what else used the CPUs during a run (load average, busiest processes that are not ours).
other_work() {
  echo "load average at the end of the $1 run: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "busiest processes (ps %CPU, lifetime average):"
  ps -eo pcpu,etime,comm --sort=-pcpu | head -8 | sed 's/^/  /'
}

# run_driver LABEL PID...: the driver against the balancer, measuring the given Keycloak JVMs.
run_driver() {
  local label=$1; shift
  local pids=()
  for pid in "$@"; do pids+=(--pid "$pid"); done
  local status=0
  java -Xmx512m -cp "$DRIVER_CP" gov.alacop.keycloak.benchmarks.load.LoadBenchmark --url "http://localhost:$LB_PORT" \
    --officers "$OFFICERS" --accounts-per-officer "$ACCOUNTS" --duration "$DURATION" --warmup "$WARMUP" \
    --label "$label" --out "$OUT" "${pids[@]}" || status=$?
  other_work "$label" >> "$OUT/load-$label.txt"
  return $status
}

machine | tee "$OUT/machine.txt"
STATUS=0

if [ "$ONLY" != single ]; then
  echo "== Two nodes behind HAProxy (node a imports the realm into an empty database, then node b joins)"
  prepare_node a; prepare_node b
  cp realm-export/alacop-realm.json benchmarks/target/keycloak-node-a/data/import/
  reset_database
  start_node a --import-realm
  start_node b
  await_view a 2; await_view b 2
  start_balancer a b cluster
  run_driver cluster "${JAVA_PID[a]}" "${JAVA_PID[b]}" || STATUS=1
  stop_all
fi

if [ "$ONLY" != cluster ]; then
  echo "== One node behind the same HAProxy (its second server line in maintenance)"
  prepare_node a
  cp realm-export/alacop-realm.json benchmarks/target/keycloak-node-a/data/import/
  reset_database
  start_node a --import-realm
  start_balancer a a single
  haproxy_command "set server keycloak/b state maint" > /dev/null
  run_driver single "${JAVA_PID[a]}" || STATUS=1
  stop_all
fi

{ machine; echo; cat "$OUT"/load-cluster.txt "$OUT"/load-single.txt 2> /dev/null || true; } > "$OUT/results.txt"
echo "== Results: $OUT/results.txt (and load-*.json)"
exit $STATUS
