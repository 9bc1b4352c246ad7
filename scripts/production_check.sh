#!/usr/bin/env bash
# Follows README «Running in production» step by step, from a fresh clone, and checks each step:
#   1. fresh clone of this repository's HEAD (or, with --from-tree, a copy of the working tree)
#   2. a new virtualenv with the pinned packages (no test extras)
#   3. an empty throwaway PostgreSQL database
#   4. the secrets and the office in the environment; `workbench db upgrade`
#   5. a user (`workbench user add`; the password policy refuses «password12») and a case
#   6. gunicorn (`workbench serve`) on a free loopback port
#   7. log in with curl (CSRF token, a Secure/HttpOnly/SameSite=Lax cookie), fetch «Mine saker»,
#      log out and see the old cookie refused; the access log has no query strings
#   8. back up with pg_dump, restore with pg_restore into a second throwaway database, check it
#   9. stop gunicorn; both databases and the work folder are removed on exit, pass or fail
#
# Needs: git, python3 (≥ 3.11) with venv, curl, and PostgreSQL's psql, createdb, dropdb, pg_dump and
# pg_restore reaching a server that trusts user postgres at 127.0.0.1:5432 (PGHOST, PGPORT and
# PGUSER override). The Debian packages WeasyPrint needs must be installed (scripts/bootstrap.sh).
# Prints «production check: OK» and exits 0 when every step passed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FROM_TREE=0
[[ "${1:-}" == "--from-tree" ]] && FROM_TREE=1

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/klagebenk-prodcheck.XXXXXX")"
DB="klagebenk_prodcheck_$$_$RANDOM"
DB_RESTORED="${DB}_restored"
SERVER_PID=""

step() { echo; echo "== $* =="; }
fail() { echo "production check FAILED: $*" >&2; exit 1; }
cleanup() {
  local rc=$?
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  dropdb --if-exists --force "$DB" 2>/dev/null || true
  dropdb --if-exists --force "$DB_RESTORED" 2>/dev/null || true
  if [[ $rc -ne 0 && -f "$WORK/gunicorn.log" ]]; then
    echo "--- gunicorn's log ---" >&2; tail -n 40 "$WORK/gunicorn.log" >&2
  fi
  rm -rf "$WORK"
  exit $rc
}
trap cleanup EXIT

for tool in git python3 curl psql createdb dropdb pg_dump pg_restore; do
  command -v "$tool" >/dev/null || fail "$tool is not installed"
done
psql -d postgres -tAc 'select 1' >/dev/null 2>&1 || fail "no PostgreSQL at $PGUSER@$PGHOST:$PGPORT"

step "1/9 fresh clone"
APP="$WORK/klagebenk"
if [[ $FROM_TREE == 1 ]]; then
  mkdir -p "$APP"
  (cd "$ROOT" && git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf -) | tar -xf - -C "$APP"
  echo "copied the working tree of $ROOT"
else
  git clone --quiet --depth 1 "file://$ROOT" "$APP"
  echo "cloned $(git -C "$APP" rev-parse --short HEAD)"
fi
cd "$APP"

step "2/9 new virtualenv with the pinned packages"
# Editable (-e): the app runs from its checkout, where migrations/, templates/ and gunicorn.conf.py are.
python3 -m venv .venv
grep -v '^-e ' constraints.txt > .venv/constraints.pip  # pip refuses editable lines in constraints
if ! { .venv/bin/python -m pip install -q --upgrade pip && \
       .venv/bin/python -m pip install -q -c .venv/constraints.pip -e . ; } >"$WORK/pip.log" 2>&1; then
  grep -v "is ignored: it is neither" "$WORK/pip.log" | tail -n 30 >&2
  fail "pip could not install the pinned packages"
fi
WB=.venv/bin/workbench
.venv/bin/python -c 'import gunicorn, zxcvbn; print("gunicorn", gunicorn.__version__)'

step "3/9 empty throwaway PostgreSQL database $DB"
createdb "$DB"

step "4/9 secrets, the office, migrations"
unset KLAGEBENK_MODE FLASK_DEBUG SESSION_COOKIE_SECURE  # production, as on the real server
export DATABASE_URL="postgresql+psycopg://$PGUSER@$PGHOST:$PGPORT/$DB"
SECRET_KEY="$(python3 -c 'import secrets; print(secrets.token_hex(32))')"
KLAGEBENK_ARCHIVE_KEY="$(python3 -c 'import secrets; print(secrets.token_hex(32))')"
export SECRET_KEY KLAGEBENK_ARCHIVE_KEY
export KLAGEBENK_OFFICE_NAME_NB="Statsforvalteren i Vestland" \
       KLAGEBENK_OFFICE_NAME_NN="Statsforvaltaren i Vestland" \
       KLAGEBENK_OFFICE_POSTAL_ADDRESS="Postboks 7310, 5020 Bergen" \
       KLAGEBENK_OFFICE_VISITING_ADDRESS="Statens hus, Kaigaten 9, Bergen" \
       KLAGEBENK_OFFICE_PHONE="55 57 20 00" \
       KLAGEBENK_OFFICE_ORG_NO="974760665" \
       KLAGEBENK_OFFICE_EMAIL="sfvlpost@statsforvalteren.no"
SECRET_KEY=a "$WB" serve --check >/dev/null 2>"$WORK/weak.txt" && fail "a weak SECRET_KEY was accepted"
grep -q "SECRET_KEY is too short" "$WORK/weak.txt" || fail "the weak-key refusal does not name SECRET_KEY"
"$WB" db upgrade
"$WB" db check

step "5/9 a user and a case"
"$WB" user add kari --role saksbehandler --name "Kari Prøve" --password password12 >/dev/null 2>"$WORK/weak.txt" \
  && fail "the password policy let «password12» through"
grep -q "Passord:" "$WORK/weak.txt" || fail "the password refusal does not name «Passord»"
PASSWORD="prøve-$(python3 -c 'import secrets; print(secrets.token_hex(8))')"
"$WB" user add kari --role saksbehandler --name "Kari Prøve" --password "$PASSWORD"
"$WB" import docs/cases/demo-omsorgsstonad.json --assign kari

step "6/9 gunicorn on a loopback port"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
BASE="http://127.0.0.1:$PORT"
KLAGEBENK_ACCESS_LOG="$WORK/access.log" KLAGEBENK_WORKERS=2 \
  "$WB" serve --bind "127.0.0.1:$PORT" >"$WORK/gunicorn.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 60); do
  curl -fs -o /dev/null "$BASE/auth/login" && break
  kill -0 "$SERVER_PID" 2>/dev/null || fail "gunicorn stopped"
  sleep 0.5
done
curl -fs -o /dev/null "$BASE/auth/login" || fail "gunicorn does not answer on $BASE"
echo "gunicorn (pid $SERVER_PID) answers on $BASE"

step "7/9 log in with curl and fetch a page"
# The cookie is Secure (production), so curl would not send it back over plain HTTP on its own:
# it is carried by hand, as a browser behind the HTTPS proxy would carry it.
cookie_from() { grep -i '^set-cookie: __Host-klagebenk=' "$1" | tail -n 1 | sed -E 's/^[^:]+: *([^;]+);.*/\1/' | tr -d '\r'; }
curl -fs -D "$WORK/h1" -o "$WORK/login.html" "$BASE/auth/login?next=/saker/mine"
COOKIE="$(cookie_from "$WORK/h1")"
[[ -n "$COOKIE" ]] || fail "no session cookie on the login page"
SETCOOKIE="$(grep -i '^set-cookie: __Host-klagebenk=' "$WORK/h1" | tail -n 1)"
for attr in Secure HttpOnly "SameSite=Lax" "Path=/"; do
  grep -qi "; *$attr" <<<"$SETCOOKIE" || fail "the session cookie lacks $attr: $SETCOOKIE"
done
TOKEN="$(sed -nE 's/.*name="csrf_token"[^>]*value="([^"]+)".*/\1/p' "$WORK/login.html" | head -n 1)"
[[ -n "$TOKEN" ]] || fail "no CSRF token on the login page"
STATUS="$(curl -s -o /dev/null -D "$WORK/h2" -w '%{http_code}' -H "Cookie: $COOKIE" \
  --data-urlencode "csrf_token=$TOKEN" --data-urlencode "username=kari" \
  --data-urlencode "password=$PASSWORD" "$BASE/auth/login?next=/saker/mine")"
[[ "$STATUS" == 302 ]] || fail "login answered $STATUS, not 302"
COOKIE="$(cookie_from "$WORK/h2")"
curl -fs -D "$WORK/h3" -H "Cookie: $COOKIE" -o "$WORK/mine.html" "$BASE/saker/mine"
NEW="$(cookie_from "$WORK/h3")"; [[ -n "$NEW" ]] && COOKIE="$NEW"  # the page's CSRF token is in it
grep -q "Mine saker" "$WORK/mine.html" || fail "«Mine saker» did not come back"
grep -q "Kari Testesen Nordhus" "$WORK/mine.html" || fail "the imported case is not on «Mine saker»"
echo "logged in as kari; «Mine saker» lists the case"
TOKEN="$(sed -nE 's/.*name="csrf_token"[^>]*value="([^"]+)".*/\1/p' "$WORK/mine.html" | head -n 1)"
STATUS="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" --data-urlencode "csrf_token=$TOKEN" \
  "$BASE/auth/logout")"
[[ "$STATUS" == 302 ]] || fail "logout answered $STATUS, not 302"
STATUS="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE/saker/mine")"
[[ "$STATUS" == 302 ]] || fail "the cookie still worked after logout ($STATUS)"
echo "logged out; the same cookie is refused"
grep -q '"GET /saker/mine HTTP/1.1" 200' "$WORK/access.log" || fail "the access log has no request lines"
grep -q 'next=' "$WORK/access.log" && fail "the access log holds a query string"
grep -q '127.0.0.1' "$WORK/access.log" && fail "the access log holds the client address"
echo "access log: $(wc -l <"$WORK/access.log") lines, no query strings, no addresses"

step "8/9 back up with pg_dump, restore into a second database"
pg_dump --format=custom --no-owner --file "$WORK/klagebenk.dump" "$DB"
createdb "$DB_RESTORED"
pg_restore --no-owner --exit-on-error --dbname "$DB_RESTORED" "$WORK/klagebenk.dump"
for table in users cases imported_decisions evaluations audit_events; do
  a="$(psql -d "$DB" -tAc "select count(*) from $table")"
  b="$(psql -d "$DB_RESTORED" -tAc "select count(*) from $table")"
  [[ "$a" == "$b" && "$a" -gt 0 ]] || fail "$table: $a rows backed up, $b restored"
done
DATABASE_URL="postgresql+psycopg://$PGUSER@$PGHOST:$PGPORT/$DB_RESTORED" "$WB" db check
DATABASE_URL="postgresql+psycopg://$PGUSER@$PGHOST:$PGPORT/$DB_RESTORED" "$WB" serve --check
echo "restored $(psql -d "$DB_RESTORED" -tAc 'select count(*) from cases') case(s), schema at $(psql -d "$DB_RESTORED" -tAc 'select version_num from alembic_version')"

step "9/9 stop"
kill -TERM "$SERVER_PID"
wait "$SERVER_PID" || true
SERVER_PID=""
echo
echo "production check: OK"
