#!/usr/bin/env bash
# Runs every test of harbor-ha on a fresh machine that has the .NET SDK and Node.js 20+:
# installs the conformance gate's pinned npm packages, builds, runs the C# tests (which include
# the conformance gate on every committed stack and example), the gate's own tests, and
# `infra check` on every committed stack.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== npm ci (tests/conformance)"
(cd tests/conformance && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)

echo "== dotnet build"
dotnet build Infra.sln --configuration Release -v q -nologo

echo "== conformance gate self-tests"
(cd tests/conformance && node --test)

echo "== dotnet test"
dotnet test Infra.sln --configuration Release --no-build -v q -nologo --logger "console;verbosity=minimal"

echo "== infra validate on every committed stack"
for file in Pulumi.*.yaml; do
  stack="${file#Pulumi.}"; stack="${stack%.yaml}"
  dotnet infra/bin/Release/net10.0/infra.dll validate --stack "$stack"
done
