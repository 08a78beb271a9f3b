#!/usr/bin/env bash
# Start, stop or query the project-local PostgreSQL cluster (var/pg).
# Does nothing when PG* variables name an external server.
# Usage: scripts/pg.sh start|stop|status
source "$(dirname "$0")/lib.sh"

if use_external_pg; then
    exit 0
fi
[ -f "$PG_DATA/PG_VERSION" ] || die "no local cluster in $PG_DATA: run scripts/setup.sh first"
bindir=$(pg_bindir)

running() { as_pg_user "$bindir/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; }

case "${1:-}" in
start)
    if running; then
        exit 0
    fi
    as_pg_user "$bindir/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 start >/dev/null
    ;;
stop)
    if running; then
        as_pg_user "$bindir/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null
    fi
    ;;
status)
    if running; then
        echo "running ($PG_SOCK, port $LOCAL_PG_PORT)"
    else
        echo "stopped"
        exit 3
    fi
    ;;
*)
    die "usage: $0 start|stop|status"
    ;;
esac
