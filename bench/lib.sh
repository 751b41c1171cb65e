# Shared by bench/run and bench/profile (sourced, not run): a JDK ≥ 21, wrk, the service started on
# 127.0.0.1 and stopped again (also on failure or interrupt), and the load side compiled. The caller sets
# root (the project), results (its output directory), work (a temporary directory, removed at exit) and
# started (the script's start, in seconds since the epoch, for the elapsed times it prints).

java_major() {
    # JAVA_VERSION="21.0.5" in the JDK's release file gives 21
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null || true
}

service_pid=""
data_dir=""

stop_service() {
    if [ -n "$service_pid" ] && kill -0 "$service_pid" 2>/dev/null; then
        kill "$service_pid" 2>/dev/null || true
        for _ in $(seq 1 60); do
            kill -0 "$service_pid" 2>/dev/null || break
            sleep 0.5
        done
        kill -9 "$service_pid" 2>/dev/null || true
        wait "$service_pid" 2>/dev/null || true
    fi
    service_pid=""
    # a PostgreSQL the service did not get to stop: fast shutdown by its own pid file
    if [ -n "$data_dir" ] && [ -f "$data_dir/postmaster.pid" ]; then
        pg_pid=$(head -1 "$data_dir/postmaster.pid")
        kill -INT "$pg_pid" 2>/dev/null || true
        for _ in $(seq 1 20); do
            kill -0 "$pg_pid" 2>/dev/null || break
            sleep 0.5
        done
    fi
    data_dir=""
}

cleanup() {
    stop_service
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME")" = "" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ]; then
    JAVA_HOME=""
    best=0
    for jdk in /usr/lib/jvm/*; do
        [ -x "$jdk/bin/javac" ] || continue
        major=$(java_major "$jdk")
        if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best" ]; then
            best=$major
            JAVA_HOME=$(readlink -f "$jdk")
        fi
    done
    if [ -z "$JAVA_HOME" ]; then
        echo "No JDK 21 or newer under /usr/lib/jvm" >&2
        exit 1
    fi
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

if ! command -v wrk >/dev/null; then
    if [ "$(id -u)" -eq 0 ]; then
        sudo=""
    elif command -v sudo >/dev/null; then
        sudo="sudo"
    else
        echo "wrk is missing: install the Debian package wrk (apt-get install wrk, as root)" >&2
        exit 1
    fi
    echo "== installing wrk (Debian package)"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -q
    $sudo apt-get install -y -q wrk
fi

# start_service NAME [ARGS…]: sets http_port, pg_port and data_dir, or exits
start_service() {
    local name=$1
    shift
    local log="$results/$name-service.log"
    data_dir="$work/$name/pg"
    mkdir -p "$work/$name"
    "$JAVA_HOME/bin/java" -jar "$jar" \
        --server.address=127.0.0.1 --server.port=0 --management.server.port=0 \
        --getpaidx.embedded-database.data-directory="$data_dir" \
        --getpaidx.embedded-database.settings.shared_preload_libraries=pg_stat_statements \
        --getpaidx.service-token-file="$work/$name/service-token" \
        "$@" >"$log" 2>&1 &
    service_pid=$!
    local waited=0
    until grep -qs "is ready at" "$log"; do
        if ! kill -0 "$service_pid" 2>/dev/null; then
            echo "The $name service stopped while starting; the end of $log:" >&2
            tail -20 "$log" >&2
            exit 1
        fi
        if [ "$waited" -ge 360 ]; then
            echo "The $name service was not ready within 180 s; the end of $log:" >&2
            tail -20 "$log" >&2
            exit 1
        fi
        sleep 0.5
        waited=$((waited + 1))
    done
    # the ready line names the service's port (Actuator's Tomcat, on a port of its own, logs one too)
    http_port=$(sed -n 's/.*is ready at http:\/\/[^:]*:\([0-9]*\)\/.*/\1/p' "$log" | head -1)
    pg_port=$(sed -n 's/.*Embedded PostgreSQL on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$log" | head -1)
    if [ -z "$http_port" ] || [ -z "$pg_port" ]; then
        echo "Could not read the ports from $log" >&2
        exit 1
    fi
    echo "   $name service on 127.0.0.1:$http_port, PostgreSQL on 127.0.0.1:$pg_port (ready after $((waited / 2)) s)"
}

# build_and_compile: the jar (unless BENCH_SKIP_BUILD and one is there), the JDBC driver out of it, bench/java
build_and_compile() {
    if [ -n "${BENCH_SKIP_BUILD:-}" ] && ls target/orgs-*.jar >/dev/null 2>&1; then
        echo "== build skipped (BENCH_SKIP_BUILD)"
    else
        echo "== build ($(($(date +%s) - started)) s)"
        ./mvnw -B -q -DskipTests package
    fi
    jar=$(ls target/orgs-*.jar | grep -v '\.original$' | head -1)
    driver_entry=$("$JAVA_HOME/bin/jar" tf "$jar" | grep '^BOOT-INF/lib/postgresql-[0-9.]*\.jar$' | head -1)
    (cd "$work" && "$JAVA_HOME/bin/jar" xf "$root/$jar" "$driver_entry")
    driver="$work/$driver_entry"
    "$JAVA_HOME/bin/javac" -d "$work/classes" bench/java/*.java
}
