#!/usr/bin/env bash
# Fuzzes every question-file reader with random and mutated inputs for SECONDS per format (default 60) and prints
# the counts (see ParserFuzzTests). Results of a run are kept in bench/FUZZ.md.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_FORMAT="${1:-60}"
dotnet build tests/CertPlatform.UnitTests -c Release -nologo -v q
CERTPLATFORM_FUZZ_SECONDS="$SECONDS_PER_FORMAT" dotnet test tests/CertPlatform.UnitTests -c Release --no-build \
  --filter "FullyQualifiedName~ParserFuzzTests" --logger "console;verbosity=detailed" | grep -E "seed|inputs|Passed!|Failed!|threw"
