#!/usr/bin/env bash
# Start, stop or query the project-local PostgreSQL cluster (var/pg).
# Does nothing when PG* variables name an external server.
# Usage: scripts/pg.sh start|stop|status|clean (clean: stop and delete the cluster)
source "$(dirname "$0")/lib.sh"

if use_external_pg; then
    exit 0
fi
if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    case "${1:-}" in
    stop | clean) exit 0 ;; # nothing to stop or remove (e.g. a fresh checkout)
    status)
        echo "no local cluster in $PG_DATA"
        exit 3
        ;;
    *) die "no local cluster in $PG_DATA: run scripts/setup.sh first" ;;
    esac
fi
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
clean)
    # stop it and remove it, also when it was moved out of var/ (see lib.sh)
    if running; then
        as_pg_user "$bindir/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null
    fi
    rm -rf "$PG_BASE"
    ;;
*)
    die "usage: $0 start|stop|status|clean"
    ;;
esac
