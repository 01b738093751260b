#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: its own data directory, its own loopback port, a database and a
# password role for the store, nothing shared with a system cluster (Debian's `main` on 5432 is never touched).
#
#   Scripts/postgres-cluster.sh setup     install Debian's postgresql if missing, create (once) and start the cluster,
#                                         then print the test environment on stdout (see `env`)
#   Scripts/postgres-cluster.sh env       print `export JWT_CLAIMS_TEST_POSTGRES_URL=...` (the store's URL) and
#                                         `export JWT_CLAIMS_TEST_POSTGRES_CLUSTER_DIR=...` (for tests that stop and
#                                         start the server through this script)
#   Scripts/postgres-cluster.sh start     start the existing cluster (data kept); waits until it accepts connections
#   Scripts/postgres-cluster.sh stop [fast|immediate]   stop it (default fast: running transactions roll back)
#   Scripts/postgres-cluster.sh status    exit 0 if it accepts connections, 3 if stopped, 4 if not created
#   Scripts/postgres-cluster.sh url       print the URL
#   Scripts/postgres-cluster.sh psql ...  psql as the store's role
#   Scripts/postgres-cluster.sh destroy   stop it at once and delete its directory
#
#   eval "$(Scripts/postgres-cluster.sh setup)"    # exports both variables
#
# Settings (environment): PG_CLUSTER_DIR (default /tmp/jwt-claims-pg); at creation also PG_PORT (default 25432, see
# check_port), PG_DATABASE and PG_USER (default jwt_claims), PG_DURABLE=1 (fsync on; default off, see create). The
# cluster remembers its settings, so later commands need PG_CLUSTER_DIR only. The password is random, made at
# creation, kept in $PG_CLUSTER_DIR/password (mode 0600). Only the export lines go to stdout. Works as root (the
# server then runs as Debian's `postgres` user) and as any other user.
set -euo pipefail

dir=${PG_CLUSTER_DIR:-/tmp/jwt-claims-pg}
case "$dir" in /*) ;; *) dir="$(pwd)/$dir" ;; esac
data="$dir/data"
socket="$dir/socket"
settings="$dir/settings"

log() { printf 'postgres-cluster: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

# An existing cluster's settings win over the environment: they are what it was created with.
if [ -f "$settings" ]; then
    # shellcheck source=/dev/null
    . "$settings"
else
    port=${PG_PORT:-25432}
    database=${PG_DATABASE:-jwt_claims}
    user=${PG_USER:-jwt_claims}
fi
durable=${PG_DURABLE:-0}

# The port must lie outside the kernel's ephemeral range (Linux: 32768-60999). A client retrying a stopped server
# on such a port sooner or later gets its own port as source port: the kernel connects the socket to itself
# (TCP simultaneous open), and that socket, then its TIME-WAIT for 60 s, keeps the restarted server from binding.
check_port() {
    local low high
    case "$port" in '' | *[!0-9]*) die "PG_PORT=$port is not a port number" ;; esac
    read -r low high </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || return 0
    if [ "$port" -ge "$low" ] && [ "$port" -le "$high" ]; then
        die "PG_PORT=$port is in the ephemeral port range $low-$high; pick one below $low"
    fi
}

# initdb and postgres refuse to run as root: as root, run them as the `postgres` user that Debian's package makes.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

install_postgresql() {
    if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then return; fi
    log "installing Debian's postgresql package"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >&2
}

bin_dir() {
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$found" ] || die "no PostgreSQL server found under /usr/lib/postgresql; run 'setup' to install it"
    printf '%s' "$found"
}

password() { cat "$dir/password"; }

url() { printf 'postgres://%s:%s@127.0.0.1:%s/%s' "$user" "$(password)" "$port" "$database"; }

print_env() {
    printf 'export JWT_CLAIMS_TEST_POSTGRES_URL=%s\n' "$(url)"
    printf 'export JWT_CLAIMS_TEST_POSTGRES_CLUSTER_DIR=%s\n' "$dir"
}

running() { [ -f "$data/postmaster.pid" ] && as_owner "$(bin_dir)/pg_ctl" -D "$data" status >/dev/null 2>&1; }

accepting() { "$(bin_dir)/pg_isready" -q -h 127.0.0.1 -p "$port"; }

# Starts the server, which outlives this script: it must not keep open any descriptor the script inherited besides
# 0-2. A caller that waits for such a descriptor to close would wait as long as the server runs: a pipe it reads, or
# the socket through which Foundation's Process learns on Linux that its child exited (seen: a Swift test's
# `start` never returned, its script a zombie, until the server stopped).
start_server() {
    (
        for fd in /proc/self/fd/*; do
            fd=${fd##*/}
            case "$fd" in 0 | 1 | 2 | 255) continue ;; esac
            eval "exec $fd>&-" 2>/dev/null || true
        done
        as_owner "$(bin_dir)/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 start >&2
    )
}

create() {
    local bin
    bin=$(bin_dir)
    mkdir -p "$dir" "$socket"
    printf 'port=%s\ndatabase=%s\nuser=%s\n' "$port" "$database" "$user" >"$settings"
    # 192 random bits as hex, so the URL needs no percent-encoding.
    od -An -tx1 -N24 /dev/urandom | tr -d ' \n' >"$dir/password"
    chmod 0600 "$dir/password"
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres: "$dir" "$socket"
        chmod 0755 "$dir"
        # The server must reach its directory: every parent has to be searchable by `postgres`.
        runuser -u postgres -- test -w "$dir" || die "the postgres user cannot reach $dir; pick a PG_CLUSTER_DIR it can"
    fi
    # Local (socket) connections are trusted for the bootstrap superuser only; TCP needs a SCRAM password.
    local nosync=--no-sync
    [ "$durable" != 1 ] || nosync=
    as_owner "$bin/initdb" -D "$data" -U postgres -E UTF8 --locale=C.UTF-8 $nosync \
        --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    # pg_stat_statements lets the tests count the statements (round trips) a refresh costs.
    cat >>"$data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$socket'
max_connections = 200
shared_buffers = 128MB
log_line_prefix = '%m [%p] %q%u@%d '
shared_preload_libraries = 'pg_stat_statements'
CONF
    if [ "$durable" != 1 ]; then
        # A throwaway cluster need not survive a power cut: without fsync, initdb, stops and crash recovery take a
        # fraction of the time. A committed transaction still survives the server's crash or `stop immediate`
        # (it is in the kernel's page cache), which is what the recovery tests exercise. PG_DURABLE=1 keeps
        # fsync on, for benchmarks that must pay what production pays.
        printf 'fsync = off\nfull_page_writes = off\n' >>"$data/postgresql.conf"
    fi
    start_server
    as_owner "$bin/psql" -h "$socket" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
        -v user="$user" -v password="$(password)" -v database="$database" >&2 <<'SQL'
CREATE ROLE :"user" LOGIN PASSWORD :'password';
CREATE DATABASE :"database" OWNER :"user";
\connect :"database"
CREATE EXTENSION pg_stat_statements;
SQL
    touch "$dir/ready"
    log "created cluster in $dir on 127.0.0.1:$port"
}

destroy() {
    if [ -f "$data/postmaster.pid" ]; then
        as_owner "$(bin_dir)/pg_ctl" -D "$data" -m immediate -w stop >&2 || true
    fi
    rm -rf "$dir"
}

start() {
    # A server still starting up, or still shutting down, has a pid file: wait until it accepts connections (done)
    # or has stopped (start it).
    local tries=0
    while running; do
        accepting && return
        tries=$((tries + 1))
        [ "$tries" -le 600 ] || die "the server neither accepts connections nor stops; see $dir/server.log"
        sleep 0.1
    done
    start_server
}

case "${1:-setup}" in
setup)
    check_port
    install_postgresql
    if [ -f "$dir/ready" ]; then
        start
    else
        # Nothing yet, or an earlier setup that stopped half-way: start from scratch.
        [ ! -e "$dir" ] || { log "recreating the incomplete cluster in $dir"; destroy; }
        create
    fi
    print_env
    ;;
env)
    [ -f "$dir/ready" ] || die "no cluster in $dir; run 'setup' first"
    print_env
    ;;
start)
    [ -f "$dir/ready" ] || die "no cluster in $dir; run 'setup' first"
    start
    ;;
stop)
    # No `smart`: it waits for every client to disconnect, and a running connection pool never does.
    mode=${2:-fast}
    case "$mode" in fast | immediate) ;; *) die "stop mode must be fast or immediate" ;; esac
    if running; then as_owner "$(bin_dir)/pg_ctl" -D "$data" -m "$mode" -w -t 60 stop >&2; fi
    ;;
status)
    [ -f "$dir/ready" ] || { log "no cluster in $dir"; exit 4; }
    if accepting; then
        log "accepting connections on 127.0.0.1:$port"
    else
        log "stopped (data in $data)"
        exit 3
    fi
    ;;
url) url; echo ;;
psql)
    shift
    PGPASSWORD=$(password) "$(bin_dir)/psql" -h 127.0.0.1 -p "$port" -U "$user" -d "$database" "$@"
    ;;
destroy)
    destroy
    log "removed $dir"
    ;;
*) die "usage: $0 setup|env|start|stop [fast|immediate]|status|url|psql|destroy" ;;
esac
