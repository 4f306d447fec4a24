#!/usr/bin/env bash
# The compiler Pulumi runs (Pulumi.yaml, runtime.options.compiler): prints the stack's Pulumi YAML
# program on stdout and nothing else.
#
# Pulumi runs the compiler twice per preview and never caches its output, so `dotnet run` (an
# MSBuild evaluation on every call, ~4 s) is too slow. This launcher builds the CLI once into a
# cache folder keyed by a hash of the sources, and afterwards only executes the built program.
# A fresh clone therefore needs no manual build step: the first run builds (output on stderr).
#
# Usage: bash infra/compile.sh [synth options]     (HARBOR_HA_CACHE overrides the cache folder)
set -euo pipefail

# A clean machine's .NET first-run banner and telemetry notice would otherwise reach stdout.
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${HARBOR_HA_CACHE:-$root/.cache/compiler}"

# Everything the build reads: sources, project and lock files, embedded data, SDK pin.
stamp="$(cd "$root" && {
  find components stacks infra -type f -not -path '*/bin/*' -not -path '*/obj/*' -print
  ls Directory.Build.props global.json .editorconfig 2>/dev/null || true
} | LC_ALL=C sort | tr '\n' '\0' | xargs -0 sha256sum | sha256sum | cut -c1-16)"
dll="$cache/$stamp/infra.dll"

if [[ ! -f "$dll" ]]; then
  mkdir -p "$cache"
  # One build at a time (tests or two terminals may start the compiler together).
  exec 9>"$cache/.lock"
  flock 9 2>/dev/null || true
  if [[ ! -f "$dll" ]]; then
    echo "harbor-ha: building the compiler once for these sources (cache: $cache)" >&2
    tmp="$cache/.build-$$"
    rm -rf "$tmp"
    dotnet build "$root/infra/Infra.csproj" --configuration Release --nologo --verbosity quiet --output "$tmp" 1>&2
    rm -rf "${cache:?}/$stamp"
    mv "$tmp" "$cache/$stamp"
    # Keep only the current build.
    find "$cache" -mindepth 1 -maxdepth 1 -type d -not -name "$stamp" -exec rm -rf {} +
  fi
  exec 9>&-
fi

exec dotnet "$dll" synth "$@"
