#!/usr/bin/env bash
# Runs every test of harbor-ha on a fresh machine that has the .NET SDK and Node.js 20+:
# installs the conformance gate's pinned npm packages, builds, runs the C# tests (which include
# the conformance gate on every committed stack and example), the gate's own tests, and
# `infra validate` and `infra check` on every committed stack.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== npm ci (tests/conformance)"
(cd tests/conformance && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)

echo "== dotnet restore (locked: packages.lock.json is the dependency graph)"
dotnet restore Infra.sln --locked-mode -v q

echo "== dotnet build"
dotnet build Infra.sln --no-restore --configuration Release -v q -nologo

echo "== dotnet format (style is part of the build's contract)"
dotnet format Infra.sln --verify-no-changes -v q

log="$(mktemp -d)"

echo "== conformance gate self-tests"
(cd tests/conformance && node --test) | tee "$log/node.txt"

echo "== dotnet test"
dotnet test Infra.sln --configuration Release --no-build -v q -nologo --logger "console;verbosity=minimal" | tee "$log/dotnet.txt"

echo "== infra validate and infra check on every committed stack"
for file in Pulumi.*.yaml; do
  stack="${file#Pulumi.}"; stack="${stack%.yaml}"
  dotnet infra/bin/Release/net10.0/infra.dll validate --stack "$stack"
  dotnet infra/bin/Release/net10.0/infra.dll check --stack "$stack" > "$log/check-$stack.txt" 2>&1 \
    || { cat "$log/check-$stack.txt" >&2; exit 1; }
  tail -1 "$log/check-$stack.txt"
done

# One plain closing line for both runners (a failure above has already stopped the script).
node_pass=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$log/node.txt" | tail -1)
node_fail=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$log/node.txt" | tail -1)
dotnet_pass=$(grep -o 'Passed: *[0-9]*' "$log/dotnet.txt" | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}')
dotnet_fail=$(grep -o 'Failed: *[0-9]*' "$log/dotnet.txt" | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}')
echo "$((node_pass + dotnet_pass)) passed, $((node_fail + dotnet_fail)) failed"
