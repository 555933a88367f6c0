#!/usr/bin/env bash
# Lesson-page and search load on loopback (bench/TARGETS.md: lesson page p99 < 20 ms under 200 concurrent readers).
# Starts the site (Release, fresh SQLite file, demo accounts), signs in as the demo trainee, then drives
# wrk with that session cookie. Usage: bash bench/lesson-read.sh [seconds]   (needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)"; exit 1; }
work=$(mktemp -d)
port=5199
dotnet build src/CertPlatform.Web -c Release -nologo -v q >/dev/null
ASPNETCORE_ENVIRONMENT=Production DemoData__Enabled=true Logging__Json=true Serilog__MinimumLevel__Default=Warning \
  Database__ConnectionString="Data Source=$work/bench.db" DataProtection__KeysPath="$work/keys" RateLimits__LoginPerMinute=1000 \
  dotnet src/CertPlatform.Web/bin/Release/net10.0/CertPlatform.Web.dll --urls "http://127.0.0.1:$port" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done

jar="$work/cookies"
token=$(curl -s -c "$jar" "http://127.0.0.1:$port/account/login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
# Outside Development the auth cookie is Secure-only; curl still stores it, and wrk just replays the header.
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "__RequestVerificationToken=$token" \
  --data-urlencode "Email=trainee@demo.local" --data-urlencode "Password=Trainee-2026" "http://127.0.0.1:$port/account/login"
cookie=$(awk '$6=="certplatform.auth"{print "certplatform.auth="$7}' "$jar")
[ -n "$cookie" ] || { echo "login failed"; cat "$work/server.log"; exit 1; }

run() { # title connections path [extra wrk args]
  echo "### $1"
  echo '```'
  wrk -t2 -c"$2" -d"${duration}s" --latency -H "Cookie: $cookie" "${@:4}" "http://127.0.0.1:$port$3" | sed -n '/Latency Distribution/,/Requests\/sec/p'
  echo '```'
}
echo "commit $(git rev-parse --short HEAD), $(nproc) cores, $(date -u +%F)"
wrk -t2 -c50 -d5s -H "Cookie: $cookie" "http://127.0.0.1:$port/lessons/p2-customer-lifecycle" >/dev/null   # warm-up
run "lesson page, 200 concurrent readers (0.5-1.5 s between pages)" 200 /lessons/p2-customer-lifecycle -s bench/think-time.lua
run "lesson page, closed loop, 64 connections (throughput ceiling)" 64 /lessons/p2-customer-lifecycle
run "search for a two-character word (many hits), 50 concurrent readers" 50 "/lessons/search?q=%E5%AE%A2%E6%88%B7" -s bench/think-time.lua
run "search, closed loop, 64 connections" 64 "/lessons/search?q=%E5%AE%A2%E6%88%B7"
