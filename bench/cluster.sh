#!/usr/bin/env bash
# The site as a cluster on this machine: a throw-away PostgreSQL server, N app instances (Release, Production
# environment, one database, one shared key ring and export folder, PublicBaseUrl set) and nginx in front
# (bench/nginx-cluster.conf: TLS, least_conn, forwarded headers). Then the exam load driver
# (bench/CertPlatform.LoadDriver, the scenarios of bench/exam-load.sh) runs through nginx, and the script prints the
# driver's summary, how many requests each instance served, a check in the database that no answer was lost and
# every attempt was graded once, and the capacity figures (bench/cluster-capacity.py): per scenario the CPU time of
# each instance, of PostgreSQL and of nginx per request, PostgreSQL's statement time per request (pg_stat_statements,
# reset before each scenario), and a projection of saves/s for C app cores and D database cores.
# Everything is stopped and deleted on exit.
# Usage: bash bench/cluster.sh [--instances N (2)] [--users N (300)] [--keep-logs DIR] [--auto-prepare N]
#                               [more driver options, e.g. --duration 20; `--help` lists them]
#   --keep-logs DIR: copy the instances', nginx's and PostgreSQL's logs, the driver's output and the capacity samples
#   into DIR before the run's folder is deleted.
#   --auto-prepare N: add `Max Auto Prepare=N` to the instances' connection string (Npgsql's automatic preparation:
#   up to N statements kept prepared per physical connection; 0 = off). Without it the app's own default applies.
# Needs: the .NET SDK, PostgreSQL server binaries with pg_stat_statements (Debian postgresql), nginx, openssl, python3.
set -euo pipefail
cd "$(dirname "$0")/.."

instances=2; users=300; keep_logs=""; auto_prepare=""; driver_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help)
      sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
      echo; echo "The load driver's options (passed through):"
      dotnet run --project bench/CertPlatform.LoadDriver -c Release -- --help 2>&1 | sed '1d' || true
      exit 0 ;;
    --auto-prepare) auto_prepare=$2; shift 2 ;;
    --instances) instances=$2; shift 2 ;;
    --users) users=$2; shift 2 ;;
    --keep-logs) keep_logs=$2; shift 2 ;;
    *) driver_args+=("$1"); shift ;;
  esac
done
[[ "$instances" =~ ^[1-9]$ ]] || { echo "--instances must be 1-9"; exit 2; }
[[ "$users" =~ ^[0-9]+$ ]] || { echo "--users must be a number"; exit 2; }
[[ -z "$auto_prepare" || "$auto_prepare" =~ ^[0-9]+$ ]] || { echo "--auto-prepare must be a number (0 = off)"; exit 2; }
for tool in nginx openssl python3; do command -v "$tool" >/dev/null || { echo "$tool is missing (apt-get install $tool)"; exit 1; }; done
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$pg_bin" ] || { echo "PostgreSQL server binaries are missing (apt-get install postgresql)"; exit 1; }

# Free loopback ports chosen by the OS (other people's servers run on this machine too).
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

work=$(mktemp -d /tmp/certplatform-cluster.XXXXXX)
chmod 755 "$work"
pids=()
pg_data="$work/pg"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$keep_logs" ]; then
    mkdir -p "$keep_logs"
    cp "$work"/instance*.log "$work"/driver.out "$work"/capacity.jsonl "$keep_logs/" 2>/dev/null || true
    cp "$work"/nginx/access.log "$work"/nginx/error.log "$pg_data"/server.log "$keep_logs/" 2>/dev/null || true
  fi
  [ -f "$pg_data/postmaster.pid" ] && as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "== build (Release)"
for project in src/CertPlatform.Web bench/CertPlatform.LoadDriver; do
  dotnet build "$project" -c Release -nologo -v q >"$work/build.log" 2>&1 || { echo "build of $project failed:"; cat "$work/build.log"; exit 1; }
done

# 1. PostgreSQL: a cluster of its own (as scripts/test.sh starts one), trust authentication on loopback only, with
#    pg_stat_statements loaded (the DB time per scenario in the capacity figures).
pg_port=$(free_port)
echo "== PostgreSQL on 127.0.0.1:$pg_port"
mkdir -p "$pg_data"
[ "$(id -u)" -eq 0 ] && chown postgres "$pg_data"
as_pg "$pg_bin/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 \
  || { echo "initdb failed:"; cat "$work/initdb.log"; exit 1; }
as_pg "$pg_bin/pg_ctl" -D "$pg_data" -o "-p $pg_port -k $pg_data -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_preload_libraries=pg_stat_statements" \
  -l "$pg_data/server.log" -w start >/dev/null || { echo "PostgreSQL did not start:"; cat "$pg_data/server.log"; exit 1; }
"$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres certplatform
psql_q() { "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d certplatform -tAc "$1"; }
psql_q "CREATE EXTENSION pg_stat_statements" >/dev/null

# 2. What the instances share besides the database: key ring, export folder, signing keys.
shared="$work/shared"
mkdir -p "$shared/keys" "$shared/exports"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$shared/signing.key" -out "$shared/signing.crt" -days 2 -subj "/CN=CertPlatform bench signing" 2>/dev/null
openssl pkcs12 -export -inkey "$shared/signing.key" -in "$shared/signing.crt" -out "$shared/signing.pfx" -passout pass:bench 2>/dev/null
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$shared/credential.pem" 2>/dev/null

# 3. The instances. Production environment: Secure cookies, HSTS, JSON logs; the driver reaches them through nginx's TLS.
ports=()
for i in $(seq 1 "$instances"); do ports+=("$(free_port)"); done
echo "== $instances instances on ports ${ports[*]} (all started at once: migrations and seeding take the cluster lock)"
for i in $(seq 1 "$instances"); do
  port=${ports[$((i - 1))]}
  ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
  Database__Provider=PostgreSQL \
  Database__ConnectionString="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=certplatform;Maximum Pool Size=60${auto_prepare:+;Max Auto Prepare=$auto_prepare}" \
  DataProtection__KeysPath="$shared/keys" Records__ExportFolder="$shared/exports" \
  Certificates__PublicBaseUrl="https://certs.example.test" \
  Certificates__SigningCertificatePath="$shared/signing.pfx" Certificates__SigningCertificatePassword=bench \
  Credentials__SigningKeyPath="$shared/credential.pem" \
  ForwardedHeaders__KnownProxies__0=127.0.0.1 \
  RateLimits__LoginPerMinute=100000 Serilog__MinimumLevel__Default=Warning \
    dotnet src/CertPlatform.Web/bin/Release/net10.0/CertPlatform.Web.dll --contentRoot "$PWD/src/CertPlatform.Web" \
    >"$work/instance$i.log" 2>&1 &
  pids+=($!)
done
for i in $(seq 1 "$instances"); do
  port=${ports[$((i - 1))]}; pid=${pids[$((i - 1))]}
  for _ in $(seq 240); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
    kill -0 "$pid" 2>/dev/null || { echo "instance $i exited during start-up:"; tail -n 30 "$work/instance$i.log"; exit 1; }
    sleep 0.5
  done
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null || { echo "instance $i not ready after 120 s:"; tail -n 30 "$work/instance$i.log"; exit 1; }
  ss -ltnp "sport = :$port" | grep -q "pid=$pid," || { echo "port $port is not served by instance $i (pid $pid)"; exit 1; }
done

# The virtual trainees, created in the database (verified, not forced to change the password): self-registration
# leaves accounts unverified and answers with a page rather than a redirect, so the driver's register-on-demand path
# does not apply; with the accounts in place it simply signs in. One PBKDF2 hash (ASP.NET Core Identity v3 format:
# HMAC-SHA512, 100,000 iterations) serves every account: they share the driver's password.
password=Bench-load-2026; prefix=load
for arg_i in "${!driver_args[@]}"; do
  case "${driver_args[$arg_i]}" in
    --password) password=${driver_args[$((arg_i + 1))]} ;;
    --email-prefix) prefix=${driver_args[$((arg_i + 1))]} ;;
  esac
done
hash=$(python3 -c 'import base64, hashlib, os, struct, sys
salt = os.urandom(16)
key = hashlib.pbkdf2_hmac("sha512", sys.argv[1].encode(), salt, 100000, 32)
print(base64.b64encode(b"\x01" + struct.pack(">III", 2, 100000, 16) + salt + key).decode())' "$password")
psql_q "INSERT INTO \"AspNetUsers\" (\"Id\", \"UserName\", \"NormalizedUserName\", \"Email\", \"NormalizedEmail\", \"EmailConfirmed\",
    \"PasswordHash\", \"SecurityStamp\", \"ConcurrencyStamp\", \"PhoneNumberConfirmed\", \"TwoFactorEnabled\", \"LockoutEnabled\",
    \"AccessFailedCount\", \"FullName\", \"EmployeeNumber\", \"Organization\", \"Department\", \"IsActive\", \"IsVerified\",
    \"MustChangePassword\", \"CreatedAt\")
  SELECT 'bench-' || n, e, upper(e), e, upper(e), true, '$hash', md5(random()::text), md5(random()::text), false, false, true, 0,
    '压测学员' || n, 'LD' || n, '压测单位', '压测部门', true, true, false, now()
  FROM (SELECT lpad(i::text, 5, '0') AS n, '$prefix' || lpad(i::text, 5, '0') || '@bench.local' AS e FROM generate_series(0, $users) i) u" >/dev/null
psql_q "INSERT INTO \"AspNetUserRoles\" (\"UserId\", \"RoleId\") SELECT u.\"Id\", r.\"Id\" FROM \"AspNetUsers\" u, \"AspNetRoles\" r
  WHERE u.\"Id\" LIKE 'bench-%' AND r.\"Name\" = 'Trainee'" >/dev/null
echo "== $users trainee accounts (+ the warm-up user, ${prefix}00000) created"

# 4. nginx: the committed template with this run's ports and folders.
nginx_port=$(free_port)
mkdir -p "$work/nginx/tmp"
chmod -R 777 "$work/nginx"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/nginx/tls.key" -out "$work/nginx/tls.crt" -days 2 \
  -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" 2>/dev/null
upstreams=""
for port in "${ports[@]}"; do upstreams+="        server 127.0.0.1:$port;"$'\n'; done
awk -v work="$work/nginx" -v port="$nginx_port" -v ups="$upstreams" \
  '{ gsub("@WORK@", work); gsub("@PORT@", port); if ($0 ~ /@UPSTREAMS@/) { printf "%s", ups; next } print }' \
  bench/nginx-cluster.conf >"$work/nginx/nginx.conf"
nginx -t -q -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" || { cat "$work/nginx/error.log"; exit 1; }
app_pids=("${pids[@]}")
nginx -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" -g "daemon off;" &
pids+=($!)
nginx_pid=$!
base="https://127.0.0.1:$nginx_port"
export SSL_CERT_FILE="$work/nginx/tls.crt" # the driver trusts this run's certificate (and nothing else)
for _ in $(seq 40); do curl -sf --cacert "$SSL_CERT_FILE" "$base/healthz" >/dev/null && break; sleep 0.25; done
curl -sf --cacert "$SSL_CERT_FILE" "$base/healthz" >/dev/null || { echo "nginx does not answer on $base:"; cat "$work/nginx/error.log"; exit 1; }
echo "== nginx on $base, least_conn over ${#ports[@]} instances"

# 5. The load, through nginx.
# The same driver command as bench/exam-load.sh: its GC budget and its priority (bench/driver-command.sh).
source bench/driver-command.sh
# Capacity sampling around each timed scenario (the driver's --scenario-hook; bench/cluster-capacity.py).
export CAPACITY_LOG="$work/capacity.jsonl" CAPACITY_APP_PIDS="${app_pids[*]}" CAPACITY_NGINX_PID="$nginx_pid"
export CAPACITY_PG_PID="$(head -n 1 "$pg_data/postmaster.pid")"
export CAPACITY_PSQL="$pg_bin/psql -h 127.0.0.1 -p $pg_port -U postgres -d certplatform"
server_pids=$(IFS=,; echo "${app_pids[*]}")
echo "commit $(git rev-parse --short HEAD), $(nproc) cores, Max Auto Prepare ${auto_prepare:-"(the app default)"}, $(free -g | awk '/^Mem:/{print $2}') GiB RAM, $(date -u '+%F %H:%M') UTC"
"${driver[@]}" users --base-url "$base" --users "$users" --sessions "$work/sessions.json" "${driver_args[@]}"
status=0
"${driver[@]}" all --base-url "$base" --users "$users" --sessions "$work/sessions.json" --server-pid "$server_pids" \
  --scenario-hook "python3 $PWD/bench/cluster-capacity.py sample" "${driver_args[@]}" | tee "$work/driver.out" \
  || status=${PIPESTATUS[0]}

# 6. What nginx spread, and what the database holds.
echo
echo "requests per instance (nginx access log):"
awk '{ n[$(NF-1)]++ } END { for (u in n) printf "  %s: %d\n", u, n[u] }' "$work/nginx/access.log" | sort
echo "database check:"
in_progress=$(psql_q "SELECT count(*) FROM \"Attempts\" WHERE \"Status\" = 'InProgress'")
finished=$(psql_q "SELECT count(*) FROM \"Attempts\" WHERE \"Status\" <> 'InProgress'")
graded_twice=$(psql_q "SELECT count(*) FROM (SELECT 1 FROM \"AttemptItems\" GROUP BY \"AttemptId\", \"QuestionRef\" HAVING count(*) > 1) d")
ungraded=$(psql_q "SELECT count(*) FROM \"Attempts\" a WHERE a.\"Status\" <> 'InProgress' AND NOT EXISTS (SELECT 1 FROM \"AttemptItems\" i WHERE i.\"AttemptId\" = a.\"Id\")")
echo "  attempts finished: $finished, still in progress: $in_progress, finished without grading: $ungraded, questions graded twice: $graded_twice"
echo "driver's read-back of acknowledged answers (through nginx, any instance):"
grep -E '^verify answers' "$work/driver.out" | grep -oE '[0-9,]+ acked answers in [0-9,]+ attempts: [0-9,]+ lost, [0-9,]+ differ' | sed 's/^/  /' \
  || echo "  (no verification line found)"
for i in $(seq 1 "$instances"); do
  errors=$(grep -cE '"@l":"(Error|Fatal)"' "$work/instance$i.log" || true)
  echo "  instance $i log: $errors error lines"
  grep -E '"@l":"(Error|Fatal)"' "$work/instance$i.log" | grep -oE '"@m":"([^"\\]|\\.){0,300}' | head -n 3 | sed 's/^"@m":"/    /' || true
done
echo
echo "capacity ($instances instances, PostgreSQL and nginx on this $(nproc)-core machine, shared with the driver):"
python3 bench/cluster-capacity.py report || echo "  (no capacity figures: see above)"
echo
if [ "$status" -eq 0 ] && [ "$ungraded" -eq 0 ] && [ "$graded_twice" -eq 0 ]; then
  echo "cluster run: OK (the driver verified every acknowledged answer: 0 lost)"
else
  echo "cluster run: FAILED (driver exit $status)"
  status=1
fi
exit $status
