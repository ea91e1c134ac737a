#!/usr/bin/env bash
# AlaCOP setup of an existing Keycloak realm, from the command line: calls the bundle's admin endpoint
# POST|DELETE /admin/realms/{realm}/alacop/setup and prints its plan. Needs bash and curl.
#
#   alacop-setup.sh --server https://sso.agency.example --realm agency [--dry-run | --apply | --undo]
#                   [--clients lets,ecrime] [--user admin] [--admin-realm master] [--client-id admin-cli] [--json]
#
# The administrator's password is read from $KEYCLOAK_ADMIN_PASSWORD, from --password-file FILE, or asked for
# (never from the command line, where other users of the machine could read it). With --client-secret-file FILE
# (or $KEYCLOAK_CLIENT_SECRET) the script signs in as the service account of --client-id instead of a user.
# Without --apply or --undo it only shows what the setup would change (a dry run).
#
# Exit codes: 0 done (or planned), 1 the plan reports conflicts, 2 bad usage, 3 sign-in refused, 4 the setup
# endpoint refused the call (the bundle missing, a missing privilege, a bad option).
set -euo pipefail

usage() {
  sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
}

server="" realm="" action="dry-run" clients="" user="admin" admin_realm="master" client_id="admin-cli"
password_file="" secret_file="" format="text"
while [ $# -gt 0 ]; do
  case "$1" in
    --server) server="${2:?--server needs a URL}"; shift 2 ;;
    --realm) realm="${2:?--realm needs a name}"; shift 2 ;;
    --dry-run) action="dry-run"; shift ;;
    --apply) action="apply"; shift ;;
    --undo) action="undo"; shift ;;
    --undo-dry-run) action="undo-dry-run"; shift ;;
    --clients) clients="${2:?--clients needs client ids}"; shift 2 ;;
    --user) user="${2:?--user needs a username}"; shift 2 ;;
    --admin-realm) admin_realm="${2:?--admin-realm needs a realm}"; shift 2 ;;
    --client-id) client_id="${2:?--client-id needs an id}"; shift 2 ;;
    --password-file) password_file="${2:?--password-file needs a file}"; shift 2 ;;
    --client-secret-file) secret_file="${2:?--client-secret-file needs a file}"; shift 2 ;;
    --json) format="json"; shift ;;
    -h|--help) usage ;;
    *) echo "alacop-setup: unknown option $1" >&2; usage ;;
  esac
done
[ -n "$server" ] && [ -n "$realm" ] || { echo "alacop-setup: --server and --realm are required" >&2; usage; }
if [ "$action" = "undo" ] || [ "$action" = "undo-dry-run" ]; then
  [ -z "$clients" ] || { echo "alacop-setup: --clients applies to the setup, not to the undo" >&2; exit 2; }
fi
server="${server%/}"

# Sign in: the secret goes to curl on its standard input, never on a command line.
secret() {
  if [ -n "$1" ]; then
    cat "$1"
  elif [ -n "${2:-}" ]; then
    printf '%s' "$2"
  elif [ -t 0 ]; then
    read -r -s -p "$3: " value; echo >&2; printf '%s' "$value"
  else
    echo "alacop-setup: no $3 (set $4 or use a file option)" >&2; exit 2
  fi
}
token_url="$server/realms/$admin_realm/protocol/openid-connect/token"
if [ -n "$secret_file" ] || [ -n "${KEYCLOAK_CLIENT_SECRET:-}" ]; then
  response=$(secret "$secret_file" "${KEYCLOAK_CLIENT_SECRET:-}" "client secret" KEYCLOAK_CLIENT_SECRET \
    | tr -d '\n' | curl -sS -w '\n%{http_code}' "$token_url" --data-urlencode "grant_type=client_credentials" \
      --data-urlencode "client_id=$client_id" --data-urlencode "client_secret@-") || exit 3
else
  response=$(secret "$password_file" "${KEYCLOAK_ADMIN_PASSWORD:-}" "password of $user" KEYCLOAK_ADMIN_PASSWORD \
    | tr -d '\n' | curl -sS -w '\n%{http_code}' "$token_url" --data-urlencode "grant_type=password" \
      --data-urlencode "client_id=$client_id" --data-urlencode "username=$user" --data-urlencode "password@-") || exit 3
fi
status="${response##*$'\n'}"
token=$(printf '%s' "${response%$'\n'*}" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
if [ "$status" != "200" ] || [ -z "$token" ]; then
  echo "alacop-setup: sign-in to $admin_realm refused (HTTP $status)" >&2
  exit 3
fi

method="POST" query=()
case "$action" in
  dry-run) query+=(--data-urlencode "dryRun=true") ;;
  apply) ;;
  undo) method="DELETE" ;;
  undo-dry-run) method="DELETE"; query+=(--data-urlencode "dryRun=true") ;;
esac
[ -z "$clients" ] || query+=(--data-urlencode "clients=$clients")
accept="text/plain"
[ "$format" = "json" ] && accept="application/json"

# The bearer token goes in a header file, not on the command line.
headers=$(mktemp)
trap 'rm -f "$headers"' EXIT
printf 'Authorization: Bearer %s\nAccept: %s\n' "$token" "$accept" > "$headers"
response=$(curl -sS -G -X "$method" -H "@$headers" -w '\n%{http_code}' "${query[@]}" \
  "$server/admin/realms/$realm/alacop/setup") || exit 4
status="${response##*$'\n'}"
body="${response%$'\n'*}"
printf '%s\n' "$body"
case "$status" in
  2??) ;;
  *) echo "alacop-setup: the setup endpoint answered HTTP $status" >&2; exit 4 ;;
esac
if printf '%s' "$body" | grep -Eq '^  CONFLICT|"conflicts":\[\{'; then
  exit 1
fi
exit 0
