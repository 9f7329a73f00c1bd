#!/usr/bin/env bash
# Makes sure the PostgreSQL server programs the notification-store tests start (initdb,
# postgres, pg_ctl) are on this machine: Debian's `postgresql` package when they are missing.
# Called by the test harness (alipay-testkit's `TestPostgres`) and by .ci/run; does nothing
# when a server is already installed. Prints the directory holding the programs.
#
# ALIPAY_PG_BIN=/path/to/bin skips the search (a PostgreSQL installed elsewhere).
set -euo pipefail

find_bin() {
    if [ -n "${ALIPAY_PG_BIN:-}" ] && [ -x "$ALIPAY_PG_BIN/initdb" ]; then
        echo "$ALIPAY_PG_BIN"; return 0
    fi
    # Debian/Ubuntu keep the server programs off PATH, one directory per major version
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$d/initdb" ] && [ -x "$d/postgres" ]; then echo "$d"; return 0; fi
    done
    if command -v pg_config >/dev/null 2>&1; then
        d=$(pg_config --bindir)
        if [ -x "$d/initdb" ] && [ -x "$d/postgres" ]; then echo "$d"; return 0; fi
    fi
    return 1
}

if find_bin; then exit 0; fi

echo "PostgreSQL server not found: installing Debian's postgresql package" >&2
SUDO=
if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
        echo "$0: not root and no sudo: install PostgreSQL (apt-get install postgresql) or set ALIPAY_PG_BIN" >&2
        exit 1
    fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "$0: no apt-get: install a PostgreSQL server and set ALIPAY_PG_BIN to its bin directory" >&2
    exit 1
fi
# One installer at a time (test binaries may call this concurrently).
exec 9>/tmp/alipay-rs-setup-postgres.lock
flock 9
if find_bin; then exit 0; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2 || true
# Debian's package starts a cluster of its own on port 5432; the tests never use it.
$SUDO apt-get install -y -qq --no-install-recommends postgresql >&2
find_bin
