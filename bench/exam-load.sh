#!/usr/bin/env bash
# Exam-engine load on loopback (bench/TARGETS.md: start storm, steady autosave, autosave ceiling, submit storm).
# Starts the site (Release, fresh SQLite file in a temp folder, demo data), creates the trainee accounts in
# bulk (bench/CertPlatform.Bench `accounts`: rows written into the server's database with one shared password
# hash — a bench shortcut, see bench/RESULTS.md), runs the four scenarios with bench/CertPlatform.LoadDriver and
# stops the server. Results: the markdown table at the end (recorded in bench/RESULTS.md).
# Usage: bash bench/exam-load.sh [driver options, e.g. --users 500 --duration 30]   (see the driver's usage)
# Environment options are described where they are used below: EXAM_LOAD_PORT, EXAM_LOAD_NO_BUILD, EXAM_LOAD_SERVER_ENV,
# EXAM_LOAD_COUNTERS, EXAM_LOAD_TRACE, EXAM_LOAD_SCENARIO, EXAM_LOAD_SERVER_LOG, and EXAM_LOAD_TIMELINE=DIR — a stall
# timeline of the steady scenario: the driver's per-second p50/p99/max/errors joined with per-second samples of the
# server (GC, thread pool, writer queue, checkpoints, WAL restarts) by bench/stall-timeline.py, printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
# Other servers may run on this machine: take the first free port from 5099 (or EXAM_LOAD_PORT), and check
# below that the server answering is ours — otherwise the load would land on someone else's server.
listening() { ss -ltn "sport = :$1" | grep -q LISTEN; }
port=${EXAM_LOAD_PORT:-}
if [ -z "$port" ]; then for p in $(seq 5099 5199); do listening "$p" || { port=$p; break; }; done; fi
[ -n "$port" ] && ! listening "$port" || { echo "port ${port:-5099-5199} is in use; set EXAM_LOAD_PORT to a free port"; exit 1; }
base="http://127.0.0.1:$port"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Every trap below ends its commands with `|| true`: under set -e a failing one (a helper that already ended,
# the server's exit status from `wait`) would end the trap before the server is stopped and the folder removed.

# The accounts to create follow the driver's own options (--users, --email-prefix, --password).
users=2000; prefix=load; password=Bench-load-2026; args=("$@")
for ((i = 0; i < ${#args[@]} - 1; i++)); do
  case "${args[i]}" in
    --users) users=${args[i+1]} ;;
    --email-prefix) prefix=${args[i+1]} ;;
    --password) password=${args[i+1]} ;;
  esac
done

# EXAM_LOAD_NO_BUILD=1 runs what was built before (A/B runs of two trees built once each).
for project in src/CertPlatform.Web bench/CertPlatform.LoadDriver bench/CertPlatform.Bench; do
  [ -n "${EXAM_LOAD_NO_BUILD:-}" ] && break
  dotnet build "$project" -c Release -nologo -v q >"$work/build.log" 2>&1 || { echo "build of $project failed:"; cat "$work/build.log"; exit 1; }
done

# The built dll rather than `dotnet run`: one process whose id we hold, so stopping it cannot leave a child behind.
# Development: the auth cookie is Secure-only outside Development and this is plain http on loopback.
# Login limit raised: every virtual user signs in from 127.0.0.1. Logging at Warning: per-request logs would
# be measured as server cost. EXAM_LOAD_SERVER_ENV="NAME=VALUE …" adds environment variables to the server only
# (A/B of runtime settings on one build, e.g. EXAM_LOAD_SERVER_ENV="DOTNET_gcServer=0").
read -r -a server_env <<<"${EXAM_LOAD_SERVER_ENV:-}"
env ${server_env[@]+"${server_env[@]}"} ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$base" DemoData__Enabled=true \
  Serilog__MinimumLevel__Default=Warning RateLimits__LoginPerMinute=100000 \
  Database__ConnectionString="Data Source=$work/exam-load.db" DataProtection__KeysPath="$work/keys" \
  dotnet src/CertPlatform.Web/bin/Release/net10.0/CertPlatform.Web.dll --contentRoot "$PWD/src/CertPlatform.Web" \
  >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 240); do
  curl -sf "$base/healthz" >/dev/null && break
  kill -0 $server 2>/dev/null || { echo "server exited during start-up:"; cat "$work/server.log"; exit 1; }
  sleep 0.5
done
curl -sf "$base/healthz" >/dev/null || { echo "server not ready after 120 s:"; cat "$work/server.log"; exit 1; }
ss -ltnp "sport = :$port" | grep -q "pid=$server," || { echo "port $port is not served by our server (pid $server):"; cat "$work/server.log"; exit 1; }

# Evidence for "where does a request queue" (bench/RESULTS.md): with EXAM_LOAD_COUNTERS=FILE.csv the server's runtime and
# Kestrel counters (thread-pool queue length and threads, GC pause time and heap, lock contention, connections
# and queued requests) are sampled every second into FILE.csv for the whole run (dotnet-counters, a local tool).
# Meters only, no per-request events: naming the EventSources "Microsoft.AspNetCore.Hosting" or
# "Microsoft-AspNetCore-Server-Kestrel" turns on their RequestStart/RequestStop events, and writing those into the
# session cost more than a third of an autosave's CPU (bench/RESULTS.md, "Autosave CPU profile, round 4").
# EXAM_LOAD_COUNTERS_LIST overrides the list (dotnet-counters --counters syntax).
if [ -n "${EXAM_LOAD_COUNTERS:-}" ]; then
  dotnet tool restore >/dev/null
  dotnet tool run dotnet-counters collect -p "$server" --refresh-interval 1 --format csv -o "$EXAM_LOAD_COUNTERS" \
    --counters "${EXAM_LOAD_COUNTERS_LIST:-System.Runtime,Microsoft.AspNetCore.Server.Kestrel}" >"$work/counters.log" 2>&1 &
  counters=$!
  trap 'kill $counters 2>/dev/null || true; kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
fi

# A CPU profile of the server during one scenario (bench/RESULTS.md "Autosave CPU profile"): with
# EXAM_LOAD_TRACE=FILE.nettrace, dotnet-trace (a local tool) samples the server's stacks (--profile dotnet-sampled-thread-time)
# from the moment the driver announces the scenario EXAM_LOAD_TRACE_SCENARIO (default ceiling) for
# EXAM_LOAD_TRACE_SECONDS (default 15; keep it shorter than the scenario). Summarise it with
# `python3 bench/trace-top.py FILE.nettrace`. The sampler costs the server CPU: do not compare CPU per request of a traced run.
driver_log="$work/driver.log"
: >"$driver_log"
if [ -n "${EXAM_LOAD_TRACE:-}" ]; then
  dotnet tool restore >/dev/null
  trace_scenario=${EXAM_LOAD_TRACE_SCENARIO:-ceiling}
  trace_seconds=${EXAM_LOAD_TRACE_SECONDS:-15}
  (
    until grep -q "^## $trace_scenario:" "$driver_log" 2>/dev/null; do [ -e "$work/driver.done" ] && exit 0; sleep 0.2; done
    sleep 1 # past the scenario's first requests
    exec dotnet tool run dotnet-trace collect -p "$server" --profile dotnet-sampled-thread-time -o "$EXAM_LOAD_TRACE" \
      --duration "00:00:$(printf '%02d:%02d' $((trace_seconds / 60)) $((trace_seconds % 60)))"
  ) </dev/null >"$work/trace.log" 2>&1 &
  tracer=$!
  trap 'kill $tracer 2>/dev/null || true; [ -z "${counters:-}" ] || kill $counters 2>/dev/null || true; kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
fi

# A stall timeline of the steady scenario (bench/RESULTS.md, "Stall timeline"): with EXAM_LOAD_TIMELINE=DIR the driver
# writes a per-second timeline of every timed scenario to DIR/driver.csv (its --timeline: requests sent in each second,
# p50, p99, max, errors), and while steady runs the server is sampled every second into DIR/server.csv by
# `python3 bench/stall-timeline.py sample`: its /metrics (GC collections per generation and pause time, thread-pool queue
# and threads, the writer's queue depth, the background checkpointer's passes, pages and time when
# Database:Checkpoint:Background=true) and the SQLite log's header (its salt-1 goes up by one at each restart after a
# complete checkpoint: SQLite's own inline checkpoints too). At the end the two are joined: the seconds whose p99
# is over EXAM_LOAD_TIMELINE_THRESHOLD_MS (default 50) with what the server did in them, and a summary of correlation
# (`python3 bench/stall-timeline.py DIR/driver.csv DIR/server.csv` does it again). Costs the server one scrape a second.
timeline_args=()
if [ -n "${EXAM_LOAD_TIMELINE:-}" ]; then
  mkdir -p "$EXAM_LOAD_TIMELINE"
  rm -f "$EXAM_LOAD_TIMELINE/driver.csv" "$EXAM_LOAD_TIMELINE/server.csv"
  timeline_args=(--timeline "$EXAM_LOAD_TIMELINE/driver.csv")
  (
    until grep -q "^## steady:" "$driver_log" 2>/dev/null; do [ -e "$work/driver.done" ] || [ ! -d "$work" ] && exit 0; sleep 0.2; done
    python3 bench/stall-timeline.py sample --url "$base/metrics" --wal "$work/exam-load.db-wal" \
      --out "$EXAM_LOAD_TIMELINE/server.csv" --until "$work/steady.done" &
    # The steady summary ends with the driver's send lag: stop sampling a second or two later (the last second's deltas).
    until awk '/^## steady:/{s=1} s&&/^driver send lag p99/{f=1} END{exit !f}' "$driver_log" || [ -e "$work/driver.done" ] || [ ! -d "$work" ]; do sleep 0.5; done
    sleep 2
    touch "$work/steady.done"
    wait
  ) </dev/null >"$work/timeline.log" 2>&1 &
  timeline_watch=$!
fi

# The driver's command: its GC budget and its priority over the server (bench/driver-command.sh says why).
source bench/driver-command.sh
echo "commit $(git rev-parse --short HEAD), $(nproc) cores, $(free -g | awk '/^Mem:/{print $2}') GiB RAM, $(date -u +%F)"
# 1. accounts: written in bulk into the running server's database (verified trainees, one shared password hash),
#    then every user signs in through the login form once (one hash verification each) and the cookies are kept.
dotnet bench/CertPlatform.Bench/bin/Release/net10.0/CertPlatform.Bench.dll accounts "Data Source=$work/exam-load.db" "$users" "$prefix" "$password"
"${driver[@]}" users --base-url "$base" --sessions "$work/sessions.json" "$@"
# 2. the four scenarios in one process, on the same users (their saved sessions: no second password hash each).
status=0
# EXAM_LOAD_SCENARIO=steady (or start-storm, ceiling, submit-storm) runs one scenario instead of all four (attempts it
# needs are started untimed), e.g. for A/B runs of the steady autosave tail.
"${driver[@]}" "${EXAM_LOAD_SCENARIO:-all}" --base-url "$base" --sessions "$work/sessions.json" --server-pid "$server" \
  ${timeline_args[@]+"${timeline_args[@]}"} "$@" 2>&1 | tee "$driver_log" || status=$?
touch "$work/driver.done"
if [ -n "${EXAM_LOAD_TIMELINE:-}" ]; then
  wait $timeline_watch 2>/dev/null || true
  echo
  if [ -s "$EXAM_LOAD_TIMELINE/server.csv" ] && [ -s "$EXAM_LOAD_TIMELINE/driver.csv" ]; then
    echo "stall timeline of the steady scenario ($EXAM_LOAD_TIMELINE/driver.csv, $EXAM_LOAD_TIMELINE/server.csv):"
    python3 bench/stall-timeline.py "$EXAM_LOAD_TIMELINE/driver.csv" "$EXAM_LOAD_TIMELINE/server.csv" \
      --threshold-ms "${EXAM_LOAD_TIMELINE_THRESHOLD_MS:-50}" || true
  else echo "no stall timeline (did the steady scenario run?):"; cat "$work/timeline.log"; fi
fi
# EXAM_LOAD_METRICS=FILE keeps the server's Prometheus metrics as they stand once the driver is done, e.g. SQLite's single
# writer: certplatform_sqlite_write_wait_seconds and certplatform_sqlite_write_hold_seconds per writer (summarised by
# `python3 bench/gate-metrics.py FILE`).
[ -z "${EXAM_LOAD_METRICS:-}" ] || curl -sf "$base/metrics" -o "$EXAM_LOAD_METRICS" || echo "metrics not read from $base/metrics"
if [ -n "${EXAM_LOAD_TRACE:-}" ]; then
  wait $tracer 2>/dev/null || true
  if [ -s "$EXAM_LOAD_TRACE" ]; then echo "trace of the $trace_scenario scenario: $EXAM_LOAD_TRACE"; else echo "no trace written:"; cat "$work/trace.log"; fi
fi

echo
echo "server process (CPU time is user+system over the whole run, driver excluded):"
ps -o pid=,etime=,time=,rss= -p $server | awk '{printf "  pid %s, elapsed %s, cpu %s, rss %.0f MiB\n", $1, $2, $3, $4/1024}'
# The SQLite log's size at the end (bounded by Database:Checkpoint:WalLimitMegabytes with the background checkpointer).
[ -e "$work/exam-load.db-wal" ] && echo "SQLite WAL file at the end: $(( $(stat -c %s "$work/exam-load.db-wal") / 1024 )) KiB (database $(( $(stat -c %s "$work/exam-load.db") / 1024 )) KiB)"
# EXAM_LOAD_SERVER_LOG=FILE keeps the server's log (e.g. with EXAM_LOAD_SERVER_ENV raising a class's level to Debug).
[ -z "${EXAM_LOAD_SERVER_LOG:-}" ] || cp "$work/server.log" "$EXAM_LOAD_SERVER_LOG"
warnings=$(grep -cE '\b(WRN|ERR|FTL)\b' "$work/server.log" || true)
echo "server log: $warnings warning/error lines"
grep -E '\b(ERR|FTL)\b' "$work/server.log" | head -20 || true
exit $status
