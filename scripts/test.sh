#!/usr/bin/env bash
# The README's test command: installs what the tests need when it is missing (Debian chromium,
# fonts-noto-cjk, poppler-utils, zbar-tools, postgresql), starts a throw-away PostgreSQL server, builds, lints the content, checks textbook lessons against their seed text (fidelity) and runs every test project.
# The last line it prints is "N passed, N failed"; the exit code is non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Hundreds of test hosts start in one run: without this each one watches its appsettings files with
# inotify, and the per-user inotify instance limit (often 128) is reached.
export DOTNET_hostBuilder__reloadConfigOnChange=false DOTNET_USE_POLLING_FILE_WATCHER=true
# The tests run on a UTC host, as a server would: times people see must come from Display:TimeZone, not the host zone.
export TZ=UTC

missing=()
for pkg in chromium fonts-noto-cjk poppler-utils zbar-tools postgresql; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing test prerequisites: ${missing[*]}"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { echo "could not install ${missing[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi

# A throw-away PostgreSQL cluster on a private port (trust auth on loopback only), for the
# provider tests. PostgreSQL refuses to run as root, so as root the cluster runs as "postgres".
pg_port=55432
pg_data="${TMPDIR:-/tmp}/certplatform-pg"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ -n "$pg_bin" ]; then
  if ! "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port"; then
    echo "== starting PostgreSQL on 127.0.0.1:$pg_port"
    rm -rf "$pg_data"; mkdir -p "$pg_data"
    [ "$(id -u)" -eq 0 ] && chown postgres "$pg_data"
    as_pg "$pg_bin/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null \
      && as_pg "$pg_bin/pg_ctl" -D "$pg_data" -o "-p $pg_port -k $pg_data -c listen_addresses=127.0.0.1" -l "$pg_data/server.log" -w start >/dev/null \
      || echo "PostgreSQL did not start (see $pg_data/server.log); the PostgreSQL tests will fail"
  fi
  export CERTPLATFORM_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Pooling=true"
fi

# The independent credential verifier (Node + jose, versions pinned by its package-lock.json) used by CredentialTests.
if [ ! -d tests/credential-verifier/node_modules/jose ]; then
  echo "== installing the credential verifier (npm ci)"
  (cd tests/credential-verifier && npm ci --no-audit --no-fund >/dev/null) || echo "npm ci failed in tests/credential-verifier; CredentialTests will fail"
fi

echo "== build"
dotnet tool restore >/dev/null
if ! dotnet build CertPlatform.sln -c Release -nologo -v q; then
  echo "build failed"; echo "0 passed, 1 failed"; exit 1
fi

passed=0; failed=0
echo "== content lint"
if dotnet run --no-build --no-launch-profile -c Release --project src/CertPlatform.Web -- lint; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi
echo "== content fidelity (textbook lessons against content/sources)"
if dotnet run --no-build --no-launch-profile -c Release --project src/CertPlatform.Web -- fidelity; then
  passed=$((passed + 1))
else
  failed=$((failed + 1))
fi

results="$(pwd)/TestResults"
rm -rf "$results"
for project in tests/CertPlatform.UnitTests tests/CertPlatform.ComponentTests tests/CertPlatform.IntegrationTests tests/CertPlatform.BrowserTests; do
  name=$(basename "$project")
  echo "== $name"
  dotnet test "$project" --no-build -c Release --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results"
  trx="$results/$name.trx"
  if [ ! -f "$trx" ]; then
    echo "$name produced no results (crashed?)"; failed=$((failed + 1)); continue
  fi
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  attr() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]\+' || echo 0; }
  p=$(attr passed); f=$(( $(attr failed) + $(attr error) + $(attr timeout) + $(attr aborted) ))
  passed=$((passed + p)); failed=$((failed + f))
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
