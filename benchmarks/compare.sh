#!/usr/bin/env bash
# Compares camel-progress with Nchan on this machine: builds what it needs, installs Nginx + Nchan
# when missing, then runs every scenario against our server (in each profile: tuned, and a user's
# defaults) and Nchan alternately (server pinned to CPU 0, load generator to CPU 1) and prints one
# table with the ratio of each of ours to Nchan per figure.
# See benchmarks/README.md for what each figure means.
set -euo pipefail

usage() {
    cat <<'EOF'
usage: benchmarks/compare.sh [--quick] [--scenario NAME]... [--target ours|nchan] [--profile P]...
                             [--skip-build] [--out DIR]
  --quick            short smoke run (a few seconds per scenario)
  --scenario NAME    run only this scenario (repeatable); names:
                     fanout-1k fanout-10k latency-1k latency-10k idle-10k storm-5k route-0 route-1k
                     fanout-1k-ws fanout-10k-ws fanout-1k-poll openloop-1k openloop-1k-ws
  --target T         run only against ours or nchan
  --profile P        our server's configuration (repeatable; default both):
                     tuned     epoll transport, -Xms512m -Xmx512m -Xmn32m (OURS_JVM_OPTS overrides)
                     defaults  what a user gets: NIO transport, -Xmx512m only (OURS_DEFAULTS_JVM_OPTS overrides)
                     servlet   the servlet host: Spring Boot on Tomcat with the starter, -Xmx1536m
                               (SERVLET_TOMCAT_JVM_OPTS overrides; route scenarios skipped: that server has
                               no route-throughput trigger)
                     servlet-jetty     the same on Jetty 12, -Xmx512m (SERVLET_JVM_OPTS overrides)
                     servlet-undertow  the same on Undertow 2.3, -Xmx512m (SERVLET_JVM_OPTS overrides)
                     metered   defaults plus Micrometer (camel.metrics.enabled=true, Prometheus registry) with Camel's
                               own route and exchange meters off, so that it measures the camel.progress.* meters
  --skip-build       use the jars already built
  --out DIR          where JSON reports go (default benchmarks/results/<UTC time>)
EOF
}

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/benchmarks"
ALL_SCENARIOS=(fanout-1k fanout-10k latency-1k latency-10k idle-10k storm-5k route-0 route-1k
    fanout-1k-ws fanout-10k-ws fanout-1k-poll openloop-1k openloop-1k-ws)
SCENARIOS=()
TARGETS=(ours nchan)
PROFILES=()
QUICK=0
BUILD=1
OUT="$BENCH/results/$(date -u +%Y%m%dT%H%M%SZ)"
OURS_PORT=18080
NCHAN_PORT=18090
SERVER_CPU=0
LOADGEN_CPU=1
# A scenario, server start included, must finish within this many seconds.
SCENARIO_TIMEOUT=115

while [ $# -gt 0 ]; do
    case "$1" in
        --quick) QUICK=1 ;;
        --scenario) SCENARIOS+=("$2"); shift ;;
        --target) TARGETS=("$2"); shift ;;
        --profile)
            case "$2" in
                tuned|defaults|metered|servlet|servlet-jetty|servlet-undertow) PROFILES+=("$2") ;;
                *) echo "--profile must be tuned, defaults, metered, servlet, servlet-jetty or servlet-undertow" >&2; exit 2 ;;
            esac
            shift ;;
        --skip-build) BUILD=0 ;;
        --out) OUT="$2"; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
    shift
done
[ ${#SCENARIOS[@]} -eq 0 ] && SCENARIOS=("${ALL_SCENARIOS[@]}")
[ ${#PROFILES[@]} -eq 0 ] && PROFILES=(tuned defaults)
mkdir -p "$OUT"

# 10,000 subscribers need more descriptors than the usual soft limit of 1,024.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt 20000 ]; then
    echo "warning: open-files limit is $(ulimit -n); the 10k scenarios need about 10,100" >&2
fi

log() { echo "[compare $(date -u +%H:%M:%S)] $*" >&2; }

# ---------------------------------------------------------------- build and install

OURS_OK=1
build() {
    log "building the load generator"
    mvn -B -q -f "$BENCH/pom.xml" -pl loadgen package -DskipTests
    log "building camel-progress and the benchmark server"
    # The root reactor may list modules that do not exist yet: install parent and component directly.
    if ! (cd "$ROOT" && mvn -B -q -N install && mvn -B -q -f camel-progress-component/pom.xml install -DskipTests \
            && mvn -B -q -f "$BENCH/pom.xml" -pl server package -DskipTests); then
        log "camel-progress or the benchmark server does not build: running Nchan only"
        OURS_OK=0
    fi
    # a servlet server that does not build leaves no class path: start_servlet then skips its profile only
    local profile container starter=unbuilt
    for profile in "${PROFILES[@]}"; do
        [[ "$profile" == servlet* ]] || continue
        container="$(servlet_container "$profile")"
        rm -f "$BENCH/server-servlet/target/classpath-$container.txt"
        if [ "$starter" = unbuilt ]; then
            log "building the starter"
            starter=failed
            (cd "$ROOT" && mvn -B -q -f camel-progress-spring-boot-starter/pom.xml install -DskipTests) && starter=built
        fi
        [ "$starter" = built ] || continue
        log "building the servlet benchmark server on $container"
        mvn -B -q -f "$BENCH/pom.xml" -pl server-servlet package -DskipTests -P"$container" \
            || log "the servlet benchmark server on $container does not build: its profile is skipped"
    done
}

# The container of a servlet profile: servlet is Tomcat, servlet-X is X.
servlet_container() {
    if [ "$1" = servlet ]; then echo tomcat; else echo "${1#servlet-}"; fi
}

install_nchan() {
    if command -v nginx >/dev/null && [ -f /usr/share/nginx/modules/ngx_nchan_module.so ]; then
        return
    fi
    log "installing nginx and libnginx-mod-nchan"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx libnginx-mod-nchan >/dev/null
    # The package may start a system-wide nginx on port 80; this script runs its own.
    if command -v systemctl >/dev/null; then systemctl stop nginx 2>/dev/null || true; fi
}

LOAD_AT_START="$(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$BUILD" = 1 ]; then build; fi
[ -f "$BENCH/server/target/classpath.txt" ] || OURS_OK=0
[[ " ${TARGETS[*]} " == *" nchan "* ]] && install_nchan

LOADGEN_CP="$BENCH/loadgen/target/classes:$(cat "$BENCH/loadgen/target/classpath.txt")"

# ---------------------------------------------------------------- servers

SERVER_PID=""
SERVER_PIDS=""
SUB_URL=""
PUB_URL=""
ROUTE_URL=""
NCHAN_DIR=""

# Polls a condition with a bound: up to $1 tries, 0.1 s apart.
wait_until() {
    local tries=$1; shift
    local i
    for ((i = 0; i < tries; i++)); do
        if "$@" >/dev/null 2>&1; then return 0; fi
        sleep 0.1
    done
    return 1
}

http_status() {
    curl -s -o /dev/null -m 1 -w '%{http_code}' "$@" || true
}

sse_answers_200() { [ "$(http_status -H 'Accept: text/event-stream' "$1")" = 200 ]; }
port_open() { curl -s -o /dev/null -m 1 "http://127.0.0.1:$1/"; }

# Our server's JVM, tuned: a fixed 512 MB heap with a 32 MB young generation (young garbage is what
# inflates RSS with thousands of idle connections) and Vert.x on epoll. Override to experiment.
OURS_JVM_OPTS=${OURS_JVM_OPTS:--Xms512m -Xmx512m -Xmn32m}
# What a user gets: only a heap ceiling, the collector the JVM picks, Vert.x on NIO.
OURS_DEFAULTS_JVM_OPTS=${OURS_DEFAULTS_JVM_OPTS:--Xmx512m}
# The servlet hosts get the same heap ceiling, but Tomcat: it holds about 90 KB of heap per open
# request (its request and response buffers), so 10,000 streams do not fit in 512 MB there.
SERVLET_JVM_OPTS=${SERVLET_JVM_OPTS:--Xmx512m}
SERVLET_TOMCAT_JVM_OPTS=${SERVLET_TOMCAT_JVM_OPTS:--Xmx1536m}
SERVER_TRANSPORT=""

start_ours() {
    local scenario=$1 profile=$2
    local own_port=$((OURS_PORT + 1))
    local opts=$OURS_JVM_OPTS transport=epoll
    if [ "$profile" = defaults ]; then opts=$OURS_DEFAULTS_JVM_OPTS; transport=nio; fi
    if [[ "$profile" == servlet* ]]; then
        start_servlet "$scenario" "$profile"
        return
    fi
    if [ "$profile" = metered ]; then
        opts="$OURS_DEFAULTS_JVM_OPTS -Dcamel.metrics.enabled=true -Dcamel.metrics.enableRoutePolicy=false"
        opts="$opts -Dcamel.metrics.enableExchangeEventNotifier=false -Dcamel.metrics.enableRouteEventNotifier=false"
        opts="$opts -Dcamel.metrics.enableMessageHistory=false"
        transport=nio
    fi
    # shellcheck disable=SC2086 # the options are words
    taskset -c "$SERVER_CPU" java $opts -Dbench.transport="$transport" \
        -Dcamel.server.port="$OURS_PORT" \
        -Dcamel.component.progress.host=127.0.0.1 -Dcamel.component.progress.port="$own_port" \
        -cp "$BENCH/server/target/classes:$(cat "$BENCH/server/target/classpath.txt")" \
        io.camelprogress.bench.server.BenchServer >"$OUT/$scenario-ours-$profile-server.log" 2>&1 &
    SERVER_PID=$!
    SERVER_PIDS=$SERVER_PID
    if ! wait_until 300 port_open "$OURS_PORT"; then
        log "our server did not start; see $OUT/$scenario-ours-$profile-server.log"
        return 1
    fi
    # Which transport really runs: Netty's native epoll library is mapped only when it is in use.
    if grep -q netty_transport_native_epoll "/proc/$SERVER_PID/maps" 2>/dev/null; then SERVER_TRANSPORT=epoll
    else SERVER_TRANSPORT=nio; fi
    if [ "$SERVER_TRANSPORT" != "$transport" ]; then
        log "warning: profile $profile asked for $transport but the server runs on $SERVER_TRANSPORT"
    fi
    PUB_URL="http://127.0.0.1:$OURS_PORT/publish/bench"
    ROUTE_URL="http://127.0.0.1:$OURS_PORT/bench/route-throughput"
    # Streams belong on the platform-http port; the component falls back to its own server otherwise.
    if sse_answers_200 "http://127.0.0.1:$OURS_PORT/progress/bench"; then
        SUB_URL="http://127.0.0.1:$OURS_PORT/progress/bench"
    elif sse_answers_200 "http://127.0.0.1:$own_port/progress/bench"; then
        SUB_URL="http://127.0.0.1:$own_port/progress/bench"
        log "note: progress streams are served on the component's own port $own_port, not on platform-http"
    else
        log "our server does not answer SSE at /progress/bench"
        return 1
    fi
}

# The servlet host: Spring Boot with the starter on the profile's container; streams on server.port
# under /progress.
start_servlet() {
    local scenario=$1 profile=$2 container opts=$SERVLET_JVM_OPTS
    container="$(servlet_container "$profile")"
    [ "$container" = tomcat ] && opts=$SERVLET_TOMCAT_JVM_OPTS
    if [ ! -f "$BENCH/server-servlet/target/classpath-$container.txt" ]; then
        log "the servlet benchmark server on $container is not built (run without --skip-build)"
        return 1
    fi
    # shellcheck disable=SC2086 # the options are words
    taskset -c "$SERVER_CPU" java $opts -Dserver.port="$OURS_PORT" \
        -cp "$BENCH/server-servlet/target/classes:$(cat "$BENCH/server-servlet/target/classpath-$container.txt")" \
        io.camelprogress.bench.servlet.ServletBenchServer >"$OUT/$scenario-ours-$profile-server.log" 2>&1 &
    SERVER_PID=$!
    SERVER_PIDS=$SERVER_PID
    if ! wait_until 600 port_open "$OURS_PORT"; then
        log "the servlet server did not start; see $OUT/$scenario-ours-$profile-server.log"
        return 1
    fi
    SERVER_TRANSPORT=nio
    PUB_URL="http://127.0.0.1:$OURS_PORT/publish/bench"
    ROUTE_URL=""
    SUB_URL="http://127.0.0.1:$OURS_PORT/progress/bench"
    if ! wait_until 100 sse_answers_200 "$SUB_URL"; then
        log "the servlet server does not answer SSE at /progress/bench"
        return 1
    fi
}

start_nchan() {
    local scenario=$1
    NCHAN_DIR="$(mktemp -d /tmp/camel-progress-nchan.XXXXXX)"
    sed -e "s|__DIR__|$NCHAN_DIR|g" -e "s|__PORT__|$NCHAN_PORT|g" "$BENCH/nchan/nginx.conf.template" \
        >"$NCHAN_DIR/nginx.conf"
    taskset -c "$SERVER_CPU" nginx -c "$NCHAN_DIR/nginx.conf" -p "$NCHAN_DIR" >"$OUT/$scenario-nchan-server.log" 2>&1 &
    SERVER_PID=$!
    if ! wait_until 100 port_open "$NCHAN_PORT"; then
        log "nginx did not start; see $NCHAN_DIR/error.log"
        return 1
    fi
    local worker
    worker="$(pgrep -P "$SERVER_PID" | head -n 1)"
    SERVER_PIDS="$SERVER_PID${worker:+,$worker}"
    SERVER_TRANSPORT=epoll
    SUB_URL="http://127.0.0.1:$NCHAN_PORT/sub/$scenario"
    PUB_URL="http://127.0.0.1:$NCHAN_PORT/pub/$scenario"
    ROUTE_URL=""
}

stop_server() {
    [ -n "$SERVER_PID" ] || return 0
    # Both nginx (fast shutdown) and the JVM stop on TERM; they get 20 s, then KILL.
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    if ! wait_until 200 bash -c "! kill -0 $SERVER_PID"; then
        kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
    if [ -n "$NCHAN_DIR" ]; then
        rm -rf "$NCHAN_DIR"
        NCHAN_DIR=""
    fi
}
trap stop_server EXIT
# A signal ends the whole comparison, not only the scenario under way.
trap 'stop_server; exit 130' INT
trap 'stop_server; exit 143' TERM

# ---------------------------------------------------------------- scenarios

# Prints the load generator options of a scenario, full or quick.
# The whole default run stays under about 15 minutes: 13 scenarios, three servers each.
scenario_args() {
    local d_fan=15 d_lat=20 d_idle=10 d_new=10 warm=3 route_n=200000
    if [ "$QUICK" = 1 ]; then d_fan=3; d_lat=3; d_idle=2; d_new=3; warm=1; route_n=20000; fi
    case "$1" in
        fanout-1k)   echo "--kind fanout --subscribers 1000 --rate 0 --duration $d_fan --warmup $warm" ;;
        fanout-10k)  echo "--kind fanout --subscribers 10000 --rate 0 --duration $d_fan --warmup $warm" ;;
        fanout-1k-ws)   echo "--kind fanout --transport ws --subscribers 1000 --rate 0 --duration $d_new --warmup $warm" ;;
        fanout-10k-ws)  echo "--kind fanout --transport ws --subscribers 10000 --rate 0 --duration $d_new --warmup $warm" ;;
        fanout-1k-poll) echo "--kind fanout --transport poll --subscribers 1000 --rate 0 --duration $d_new --warmup $warm" ;;
        # Open loop: 1,000 events/s to 1,000 subscribers whatever the answers, past what either server
        # sustains here; what each subscriber got shows who skips. Bounded: rate x (warm-up + window + 20 s).
        openloop-1k)    echo "--kind fanout --publish-mode open --subscribers 1000 --rate 1000 --duration $d_new --warmup $warm --drain 10" ;;
        openloop-1k-ws) echo "--kind fanout --publish-mode open --transport ws --subscribers 1000 --rate 1000 --duration $d_new --warmup $warm --drain 10" ;;
        latency-1k)  echo "--kind fanout --subscribers 1000 --rate 100 --duration $d_lat --warmup $warm" ;;
        latency-10k) echo "--kind fanout --subscribers 10000 --rate 10 --duration $d_lat --warmup $warm" ;;
        idle-10k)    echo "--kind idle --subscribers 10000 --duration $d_idle" ;;
        # one unmeasured storm first: a server that has run a while has compiled its reconnect path
        storm-5k)    echo "--kind storm --subscribers 5000 --storm-behind 1000 --storm-warmup-rounds 1 --duration 1 --drain 60" ;;
        route-0)     echo "--kind route --subscribers 0 --route-count $((route_n * 5)) --duration 1" ;;
        route-1k)    echo "--kind route --subscribers 1000 --route-count $((route_n / 2)) --duration 1 --drain 30" ;;
        *) return 1 ;;
    esac
}

# Runs one scenario against one server: ours in a profile, or nchan (profile "-").
run_one() {
    local scenario=$1 target=$2 profile=$3 args name
    args="$(scenario_args "$scenario")" || { log "unknown scenario $scenario"; return 1; }
    if [ "$target" = nchan ] && [[ "$scenario" == route-* ]]; then return 0; fi
    if [[ "$profile" == servlet* ]] && [[ "$scenario" == route-* ]]; then return 0; fi
    if [ "$target" = ours ] && [ "$OURS_OK" = 0 ]; then return 0; fi
    name="$scenario-$target"
    local labels=()
    if [ "$target" = ours ]; then name="$name-$profile"; labels=(--profile "$profile"); fi
    log "$scenario against $target${labels:+ ($profile)}"
    if [ "$target" = ours ]; then start_ours "$scenario" "$profile" || { stop_server; return 0; }
    else start_nchan "$scenario" || { stop_server; return 0; }; fi
    local route=()
    [ -n "$ROUTE_URL" ] && route=(--route-url "$ROUTE_URL")
    # shellcheck disable=SC2086 # args is a list of options
    timeout "$SCENARIO_TIMEOUT" taskset -c "$LOADGEN_CPU" java -Xms1g -Xmx3g -XX:+UseParallelGC \
        -cp "$LOADGEN_CP" io.camelprogress.bench.LoadGen $args \
        --scenario "$scenario" --target "$target" "${labels[@]}" --server-transport "$SERVER_TRANSPORT" \
        --subscribe-url "$SUB_URL" --publish-url "$PUB_URL" "${route[@]}" \
        --server-pid "$SERVER_PIDS" --clk-tck "$(getconf CLK_TCK)" \
        --server-cpu "$SERVER_CPU" --loadgen-cpu "$LOADGEN_CPU" \
        --json "$OUT/$name.json" >"$OUT/$name.txt" 2>&1 \
        || log "$scenario against $target ended with an error; see $OUT/$name.txt"
    stop_server
}

for scenario in "${SCENARIOS[@]}"; do
    for target in "${TARGETS[@]}"; do
        if [ "$target" = ours ]; then
            for profile in "${PROFILES[@]}"; do run_one "$scenario" ours "$profile"; done
        else
            run_one "$scenario" nchan -
        fi
    done
done

shopt -s nullglob
reports=("$OUT"/*.json)
if [ ${#reports[@]} -eq 0 ]; then
    log "no reports were written"
    exit 1
fi
{
    echo "camel-progress vs Nchan, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(uname -r)," \
        "load average at start: $LOAD_AT_START, at end: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "(*CoreForeignShare: share of a pinned core used by other processes in the window; above ~0.1 the run was disturbed)"
    [ "$OURS_OK" = 0 ] && echo "(our server could not be built: Nchan figures only)"
    java -cp "$LOADGEN_CP" io.camelprogress.bench.CompareReports "${reports[@]}"
} | tee "$OUT/table.txt"
log "reports in $OUT"
