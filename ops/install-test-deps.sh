#!/usr/bin/env bash
# Installs what the browser tests need (Debian's chromium and chromium-driver) and the gRPC client outside
# the JVM that the host's health/reflection test runs (Debian's python3-grpcio, used by /usr/bin/python3), and
# systemd-analyze (Debian's systemd) that checks the unit files in ops/systemd/, and promtool (Debian's
# prometheus; its server is not started) that checks the /metrics text and the alert rules, and PostgreSQL's
# binaries (Debian's postgresql; the long-term store's tests start their own throwaway cluster with initdb and
# pg_ctl under target/, so the system service the package may start is never used).
# Idempotent: does nothing when all are present. Non-interactive; uses sudo when not root.
# The tests use /usr/bin/chromium and /usr/bin/chromedriver directly (never Selenium Manager).
set -euo pipefail

missing=()
command -v /usr/bin/chromium >/dev/null 2>&1 || missing+=(chromium)
command -v /usr/bin/chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
/usr/bin/python3 -c 'import grpc' >/dev/null 2>&1 || missing+=(python3-grpcio)
command -v systemd-analyze >/dev/null 2>&1 || missing+=(systemd)   # InstallTest verifies the units with it
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)      # promtool checks every /metrics scrape
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)   # PostgresCluster in host tests

if ((${#missing[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    SUDO=()
  elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo -n)
  else
    echo "install-test-deps: need root or sudo to install: ${missing[*]}" >&2
    exit 1
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-test-deps: apt-get not found; install ${missing[*]} with your package manager" >&2
    exit 1
  fi
  echo "install-test-deps: installing ${missing[*]} (a few minutes on a fresh machine)"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -q
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

/usr/bin/chromium --version
/usr/bin/chromedriver --version
