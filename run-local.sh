#!/usr/bin/env bash
# Builds the AlaCOP bundle, fetches Keycloak from Maven Central (once), deploys the bundle, imports the alacop
# realm with the demo officers (once) and starts Keycloak at http://localhost:8080 on an embedded H2 database.
# Once Keycloak is ready it registers the local applications' addresses (http://localhost:3000 for lets,
# :3001 for ecrime) as redirect URIs: the shipped realm has none (it is what production imports).
#
#   ./run-local.sh            build and start (data kept between runs)
#   ./run-local.sh --reset    forget all local data and import the realm and demo users again
#   ./run-local.sh --no-build start with the bundle already built
#
# Ctrl-C stops Keycloak. Everything lives under .local/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")"

reset=false
build=true
for arg in "$@"; do
  case "$arg" in
    --reset) reset=true ;;
    --no-build) build=false ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "Unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done

for tool in java mvn; do
  command -v "$tool" >/dev/null || { echo "$tool is required (Java 17+ and Maven 3.8+)." >&2; exit 1; }
done

kc_version=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml | head -n 1)
kc_home=".local/keycloak-$kc_version"
http_port="${ALACOP_HTTP_PORT:-8080}"
management_port="${ALACOP_MANAGEMENT_PORT:-9000}"

# Maven's output goes to .local/maven.log and is shown only when a step fails.
maven() {
  mkdir -p .local
  mvn -B "$@" > .local/maven.log 2>&1 || { cat .local/maven.log; echo "Maven failed (log: .local/maven.log)" >&2; exit 1; }
}

if $build; then
  echo "==> Building the bundle"
  maven -DskipTests package -pl distribution -am
fi
[ -d distribution/target/providers ] || { echo "No bundle in distribution/target/providers: run without --no-build." >&2; exit 1; }

if [ ! -x "$kc_home/bin/kc.sh" ]; then
  echo "==> Fetching Keycloak $kc_version from Maven Central (once)"
  maven org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$kc_version:zip" -DoutputDirectory=.local
  chmod +x "$kc_home"/bin/*.sh
fi

echo "==> Deploying the bundle"
find "$kc_home/providers" -maxdepth 1 -name '*.jar' -delete
cp distribution/target/providers/*.jar "$kc_home/providers/"

if $reset; then
  echo "==> Resetting local data"
  rm -rf "$kc_home/data/h2"
fi
# --import-realm imports only realms the database does not have yet: existing data is never overwritten.
mkdir -p "$kc_home/data/import"
cp realm-export/alacop-realm.json realm-export/dev/alacop-users-0.json "$kc_home/data/import/"

cat <<INFO

  AlaCOP sign-in          http://localhost:$http_port/realms/alacop/account
  Admin console           http://localhost:$http_port/admin/master/console/#/alacop   (admin / admin)

  Demo officers (realm alacop):
    ck4321@alacop.gov   Clark Kent    New\$Alacop#k4321c      temporary: must be changed at first sign-in
    dp0101@alacop.gov   Diana Prince  Themyscira#Shield2026
    bw0202@alacop.gov   Bruce Wayne   Gotham#Knight2026
  (./run-local.sh --reset brings back the original passwords.)

INFO

export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"
export JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms256m -Xmx1g}"

# Codes for phone methods go to the development outbox ($kc_home/data/message-outbox/outbox.tsv), not to phones.
"$kc_home/bin/kc.sh" start-dev --import-realm --http-port="$http_port" \
  --http-management-port="$management_port" --health-enabled=true \
  --spi-message-sender--provider-default=log &
kc_pid=$!

# kc.sh does not exec java: stop the whole tree on Ctrl-C or kill.
stop() {
  trap - INT TERM
  echo; echo "==> Stopping Keycloak"
  pkill -TERM -P "$kc_pid" 2>/dev/null || true
  kill -TERM "$kc_pid" 2>/dev/null || true
  wait "$kc_pid" 2>/dev/null || true
  exit 0
}
trap stop INT TERM

if command -v curl >/dev/null; then
  (
    until curl -fs "http://localhost:$management_port/health/ready" >/dev/null 2>&1; do
      kill -0 "$kc_pid" 2>/dev/null || exit 0
      sleep 2
    done
    # Development only: the shipped realm has no localhost addresses (production imports it as it is). Register the
    # local applications' addresses (LETS on :3000, eCrime on :3001) through the admin REST API, every start.
    kcadm=("$kc_home/bin/kcadm.sh")
    kcadm_config="$kc_home/data/kcadm.config"
    "${kcadm[@]}" config credentials --config "$kcadm_config" --server "http://localhost:$http_port" --realm master \
      --user "$KC_BOOTSTRAP_ADMIN_USERNAME" --password "$KC_BOOTSTRAP_ADMIN_PASSWORD" >/dev/null 2>&1 \
      || { echo "Could not sign in with kcadm.sh: local redirect URIs not registered." >&2; exit 0; }
    for app in "lets 3000" "ecrime 3001"; do
      read -r client port <<<"$app"
      id=$("${kcadm[@]}" get clients -r alacop -q "clientId=$client" --fields id --format csv --noquotes \
        --config "$kcadm_config" 2>/dev/null | head -n 1)
      [ -n "$id" ] || continue
      "${kcadm[@]}" update "clients/$id" -r alacop --config "$kcadm_config" \
        -s "rootUrl=http://localhost:$port" -s "baseUrl=/" \
        -s "redirectUris=[\"http://localhost:$port/*\"]" -s "webOrigins=[\"http://localhost:$port\"]" \
        -s "attributes.\"post.logout.redirect.uris\"=http://localhost:$port/*" >/dev/null 2>&1 \
        || echo "Could not register http://localhost:$port for $client." >&2
    done
    echo; echo "==> AlaCOP is ready: http://localhost:$http_port/realms/alacop/account"; echo
  ) &
fi

wait "$kc_pid"
