#!/usr/bin/env bash
# A real Kubernetes v1.20.2 control plane for the integration tests, without Docker:
# etcd + kube-apiserver + kube-controller-manager + kube-scheduler, all on 127.0.0.1, no kubelet.
# The binaries are built once from Debian bookworm's own source package "kubernetes"
# (1.20.5+really1.20.2-1.1+deb12u1) and cached outside the clone.
#
# Usage: local.sh build|up|down|status|env
#
# Environment (all optional):
#   PWK_K8S_CACHE         binary cache        (default ~/.cache/pwk/k8s-1.20.2; binaries in $PWK_K8S_CACHE/bin)
#   PWK_K8S_RUN           run state           (default /tmp/pwk-k8s; kubeconfig in $PWK_K8S_RUN/kubeconfig)
#   PWK_ETCD_PORT         etcd client port    (default 2379)
#   PWK_ETCD_PEER_PORT    etcd peer port      (default 2380)
#   PWK_APISERVER_PORT    kube-apiserver port (default 6443)
#   PWK_KCM_PORT          controller-manager  (default 10257)
#   PWK_SCHEDULER_PORT    scheduler           (default 10259)
#   PWK_K8S_READY_TIMEOUT seconds to wait for /readyz (default 90)
# Needs Debian 12 and root (or sudo) for apt-get the first time.
set -euo pipefail

SRCVER=1.20.5+really1.20.2-1.1+deb12u1
ORIG_TARBALL=kubernetes_1.20.5+really1.20.2.orig.tar.gz
SRCDIR_NAME=kubernetes-1.20.2
K8S_VERSION=v1.20.2
BINARIES=(kube-apiserver kube-controller-manager kube-scheduler kubectl)

CACHE=${PWK_K8S_CACHE:-$HOME/.cache/pwk/k8s-1.20.2}
BIN=$CACHE/bin
BUILD_LOG=$CACHE/build.log
RUN=${PWK_K8S_RUN:-/tmp/pwk-k8s}
PKI=$RUN/pki
KUBECONFIG_FILE=$RUN/kubeconfig
HOST=127.0.0.1
ETCD_PORT=${PWK_ETCD_PORT:-2379}
ETCD_PEER_PORT=${PWK_ETCD_PEER_PORT:-2380}
API_PORT=${PWK_APISERVER_PORT:-6443}
KCM_PORT=${PWK_KCM_PORT:-10257}
SCHED_PORT=${PWK_SCHEDULER_PORT:-10259}
READY_TIMEOUT=${PWK_K8S_READY_TIMEOUT:-90}
# stop order; start order is the reverse
COMPONENTS=(kube-scheduler kube-controller-manager kube-apiserver etcd)

log() { echo "local.sh: $*"; }
die() { echo "local.sh: ERROR: $*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root (or sudo) to run: $*"
  fi
}

apt_install() {
  log "apt-get install $*"
  local out
  out=$(mktemp)
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -q "$@" >"$out" 2>&1; then
    tail -n 30 "$out" >&2
    rm -f "$out"
    die "apt-get install $* failed"
  fi
  rm -f "$out"
}

apt_updated=false
apt_update() {
  $apt_updated && return 0
  log "apt-get update"
  as_root apt-get -o DPkg::Lock::Timeout=300 update -qq || die "apt-get update failed"
  apt_updated=true
}

# Packages needed at run time: etcd, jq and openssl. Cheap when everything is installed.
ensure_runtime_packages() {
  local missing=()
  [ -x /usr/bin/etcd ] || missing+=(etcd-server)
  command -v jq >/dev/null 2>&1 || missing+=(jq)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  [ ${#missing[@]} -eq 0 ] && return 0
  apt_update
  apt_install "${missing[@]}"
  case " ${missing[*]} " in
    *" etcd-server "*) disable_system_etcd ;;
  esac
}

# Debian's etcd-server starts a system-wide etcd on localhost:2379 when installed. We run our own
# etcd, so stop and disable the packaged service we have just installed.
disable_system_etcd() {
  if [ -d /run/systemd/system ]; then
    as_root systemctl disable --now etcd.service >/dev/null 2>&1 || true
  else
    as_root invoke-rc.d etcd stop >/dev/null 2>&1 || true
    as_root update-rc.d etcd disable >/dev/null 2>&1 || true
  fi
}

# Make "apt-get source" work: reuse the machine's Debian apt configuration with Types: deb-src.
ensure_deb_src() {
  if grep -rqs '^[[:space:]]*deb-src\|^Types:.*deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    return 0
  fi
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    log "adding /etc/apt/sources.list.d/debian-src.sources (deb-src)"
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
      | as_root tee /etc/apt/sources.list.d/debian-src.sources >/dev/null
  elif [ -f /etc/apt/sources.list ]; then
    log "adding /etc/apt/sources.list.d/debian-src.list (deb-src)"
    sed -n 's/^[[:space:]]*deb[[:space:]]/deb-src /p' /etc/apt/sources.list \
      | as_root tee /etc/apt/sources.list.d/debian-src.list >/dev/null
  else
    die "no Debian apt sources found to derive deb-src entries from"
  fi
  apt_updated=false
}

have_binaries() {
  local b
  for b in "${BINARIES[@]}"; do
    [ -x "$BIN/$b" ] || return 1
  done
}

# run a build step with its output in the build log; on failure show the log tail
step() { # description, command...
  local what=$1 t0=$SECONDS; shift
  log "$what"
  echo "=== $(date -u +%FT%TZ) $what: $*" >>"$BUILD_LOG"
  if ! "$@" >>"$BUILD_LOG" 2>&1; then
    echo "local.sh: ERROR: '$what' failed after $((SECONDS - t0)) s; last lines of $BUILD_LOG:" >&2
    tail -n 60 "$BUILD_LOG" >&2
    exit 1
  fi
  log "  done in $((SECONDS - t0)) s"
}

cmd_build() {
  if have_binaries; then
    log "binaries already cached in $BIN"
    ensure_runtime_packages
    return 0
  fi
  mkdir -p "$CACHE"
  # one build at a time per cache
  exec 9>"$CACHE/.build.lock"
  flock -n 9 || { log "another build is running, waiting for it"; flock 9; }
  if have_binaries; then
    log "binaries already cached in $BIN (built by a concurrent run)"
    ensure_runtime_packages
    return 0
  fi
  local start=$SECONDS src=$CACHE/src
  : >"$BUILD_LOG"
  log "building Kubernetes $K8S_VERSION from Debian source package kubernetes=$SRCVER (takes minutes; log: $BUILD_LOG)"
  ensure_deb_src
  apt_update
  local had_etcd=false
  [ -x /usr/bin/etcd ] && had_etcd=true
  apt_install golang-go etcd-server rsync openssl jq
  [ -x /usr/bin/etcd ] || die "/usr/bin/etcd missing after installing etcd-server"
  $had_etcd || disable_system_etcd

  rm -rf "$src"
  mkdir -p "$src"
  cd "$src"
  step "downloading source package" apt-get source --download-only "kubernetes=$SRCVER"
  step "unpacking $ORIG_TARBALL" tar xzf "$ORIG_TARBALL"
  cd "$SRCDIR_NAME"

  # The tarball is not a git checkout: give the build its version explicitly (else it reports v0.0.0).
  cat >"$src/version.env" <<EOF
KUBE_GIT_VERSION='$K8S_VERSION'
KUBE_GIT_MAJOR='1'
KUBE_GIT_MINOR='20'
KUBE_GIT_TREE_STATE='archive'
EOF
  export KUBE_GIT_VERSION_FILE=$src/version.env
  # k8s 1.20 builds in GOPATH mode through its own hack/ scripts, offline from vendor/.
  export CGO_ENABLED=0 GOPROXY=off GOCACHE=$src/gocache
  step "make generated_files" nice -n 10 make generated_files
  step "make WHAT=\"cmd/kube-apiserver cmd/kube-controller-manager cmd/kube-scheduler cmd/kubectl\"" \
    nice -n 10 make WHAT="cmd/kube-apiserver cmd/kube-controller-manager cmd/kube-scheduler cmd/kubectl"

  # install atomically: a half-filled bin/ must never look like a complete cache
  rm -rf "$BIN.tmp"
  mkdir -p "$BIN.tmp"
  local b
  for b in "${BINARIES[@]}"; do
    cp "_output/bin/$b" "$BIN.tmp/"
  done
  rm -rf "$BIN"
  mv "$BIN.tmp" "$BIN"
  cd "$CACHE"
  log "removing source tree $src ($(du -sh "$src" 2>/dev/null | cut -f1))"
  rm -rf "$src"
  log "built $("$BIN/kube-apiserver" --version) in $((SECONDS - start)) s; binaries in $BIN ($(du -sh "$BIN" | cut -f1))"
  exec 9>&-
}

# ---------------------------------------------------------------------------------------------

pid_alive() { # component
  local f=$RUN/$1.pid pid
  [ -f "$f" ] || return 1
  pid=$(cat "$f" 2>/dev/null) || return 1
  [ -n "$pid" ] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  # guard against a recycled pid: the process must still be the component we started
  [ "$(proc_name "$pid")" = "$1" ]
}

proc_name() { # pid -> basename of argv[0]
  local argv0
  argv0=$( { tr '\0' '\n' <"/proc/$1/cmdline"; } 2>/dev/null | head -n 1) || true
  echo "${argv0##*/}"
}

kubectl_() { "$BIN/kubectl" --kubeconfig="$KUBECONFIG_FILE" --request-timeout=5s "$@"; }

api_ready() { kubectl_ get --raw /readyz >/dev/null 2>&1; }

is_up() {
  local c
  for c in "${COMPONENTS[@]}"; do
    pid_alive "$c" || return 1
  done
  [ -x "$BIN/kubectl" ] && [ -f "$KUBECONFIG_FILE" ] && api_ready
}

port_in_use() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

tail_log() { # component
  echo "--- last lines of $RUN/$1.log:" >&2
  tail -n 40 "$RUN/$1.log" >&2 2>/dev/null || true
}

# start a component in its own session (it outlives this script and the CI step's process group)
start_bg() { # component, command...
  local name=$1; shift
  log "starting $name"
  # shellcheck disable=SC2016 # $$ and $@ are expanded by the inner bash
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$RUN/$name.pid" "$@" </dev/null >"$RUN/$name.log" 2>&1 &
  local pid=
  for _ in $(seq 1 100); do
    # the pid file is written just before exec: wait until the exec has happened
    [ -z "$pid" ] && [ -s "$RUN/$name.pid" ] && pid=$(cat "$RUN/$name.pid")
    if [ -n "$pid" ]; then
      kill -0 "$pid" 2>/dev/null || fail_up "$name" "$name exited during start-up"
      [ "$(proc_name "$pid")" = "${1##*/}" ] && return 0
    fi
    sleep 0.1
  done
  fail_up "$name" "$name did not start within 10 s"
}

make_pki() {
  mkdir -p "$PKI"
  (
    cd "$PKI"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 3650 -subj "/CN=pwk-local-ca" 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -keyout apiserver.key -out apiserver.csr -subj "/CN=kube-apiserver" 2>/dev/null
    printf "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n" >ext.cnf
    openssl x509 -req -in apiserver.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out apiserver.crt -days 3650 \
      -extfile ext.cnf 2>/dev/null
    openssl genrsa -out sa.key 2048 2>/dev/null
    openssl rsa -in sa.key -pubout -out sa.pub 2>/dev/null
    echo 'local-admin-token,admin,admin,"system:masters"' >tokens.csv
    chmod 600 ./*.key tokens.csv
  ) || die "creating certificates in $PKI failed"
}

write_kubeconfig() {
  cat >"$KUBECONFIG_FILE" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: pwk-local
  cluster:
    server: "https://$HOST:$API_PORT"
    certificate-authority: "$PKI/ca.crt"
users:
- name: admin
  user:
    token: local-admin-token
contexts:
- name: pwk-local
  context:
    cluster: pwk-local
    user: admin
current-context: pwk-local
EOF
  chmod 600 "$KUBECONFIG_FILE"
}

fail_up() { # component, message
  echo "local.sh: ERROR: $2" >&2
  tail_log "$1"
  echo "local.sh: stopping what was started (logs kept in $RUN until the next up/down)" >&2
  stop_all >&2 || true
  exit 1
}

cmd_up() {
  if is_up; then
    log "already running at https://$HOST:$API_PORT"
    echo "export KUBECONFIG=$KUBECONFIG_FILE"
    return 0
  fi
  local start=$SECONDS p c
  if [ -d "$RUN" ]; then
    log "leftover state in $RUN: cleaning up first"
    cmd_down
  fi
  cmd_build
  for p in "$ETCD_PORT:PWK_ETCD_PORT" "$ETCD_PEER_PORT:PWK_ETCD_PEER_PORT" "$API_PORT:PWK_APISERVER_PORT" \
    "$KCM_PORT:PWK_KCM_PORT" "$SCHED_PORT:PWK_SCHEDULER_PORT"; do
    port_in_use "${p%%:*}" && die "port $HOST:${p%%:*} is already in use (another cluster? a system etcd?); set ${p#*:} to use another port"
  done
  mkdir -p "$RUN"
  rm -rf "$RUN/etcd-data"
  make_pki
  write_kubeconfig

  start_bg etcd /usr/bin/etcd --name pwk-local --data-dir "$RUN/etcd-data" \
    --listen-client-urls "http://$HOST:$ETCD_PORT" --advertise-client-urls "http://$HOST:$ETCD_PORT" \
    --listen-peer-urls "http://$HOST:$ETCD_PEER_PORT" --initial-advertise-peer-urls "http://$HOST:$ETCD_PEER_PORT" \
    --initial-cluster "pwk-local=http://$HOST:$ETCD_PEER_PORT"
  start_bg kube-apiserver "$BIN/kube-apiserver" --etcd-servers="http://$HOST:$ETCD_PORT" \
    --bind-address=$HOST --advertise-address=$HOST --secure-port="$API_PORT" --insecure-port=0 \
    --endpoint-reconciler-type=none \
    --tls-cert-file="$PKI/apiserver.crt" --tls-private-key-file="$PKI/apiserver.key" --client-ca-file="$PKI/ca.crt" \
    --token-auth-file="$PKI/tokens.csv" --authorization-mode=RBAC \
    --service-account-issuer=https://kubernetes.default.svc --service-account-key-file="$PKI/sa.pub" \
    --service-account-signing-key-file="$PKI/sa.key" --service-cluster-ip-range=10.96.0.0/16

  log "waiting for /readyz (up to $READY_TIMEOUT s)"
  local deadline=$((SECONDS + READY_TIMEOUT))
  until api_ready; do
    for c in etcd kube-apiserver; do
      pid_alive "$c" || fail_up "$c" "$c exited during start-up"
    done
    [ "$SECONDS" -lt "$deadline" ] || fail_up kube-apiserver "kube-apiserver not ready after $READY_TIMEOUT s"
    sleep 0.5
  done

  start_bg kube-controller-manager "$BIN/kube-controller-manager" --kubeconfig="$KUBECONFIG_FILE" \
    --authentication-kubeconfig="$KUBECONFIG_FILE" --authorization-kubeconfig="$KUBECONFIG_FILE" \
    --bind-address=$HOST --secure-port="$KCM_PORT" --port=0 --leader-elect=false \
    --service-account-private-key-file="$PKI/sa.key" --root-ca-file="$PKI/ca.crt" \
    --controllers='*,-nodeipam,-nodelifecycle,-cloud-node-lifecycle,-service,-route,-attachdetach,-persistentvolume-binder,-persistentvolume-expander,-ttl'
  start_bg kube-scheduler "$BIN/kube-scheduler" --kubeconfig="$KUBECONFIG_FILE" \
    --authentication-kubeconfig="$KUBECONFIG_FILE" --authorization-kubeconfig="$KUBECONFIG_FILE" \
    --bind-address=$HOST --secure-port="$SCHED_PORT" --port=0 --leader-elect=false

  log "waiting for the default ServiceAccount and the scheduler"
  deadline=$((SECONDS + READY_TIMEOUT))
  until kubectl_ -n default get serviceaccount default >/dev/null 2>&1 && port_in_use "$SCHED_PORT"; do
    for c in "${COMPONENTS[@]}"; do
      pid_alive "$c" || fail_up "$c" "$c exited during start-up"
    done
    [ "$SECONDS" -lt "$deadline" ] || fail_up kube-controller-manager "default ServiceAccount not created after $READY_TIMEOUT s"
    sleep 0.5
  done

  log "control plane up at https://$HOST:$API_PORT in $((SECONDS - start)) s (state and logs in $RUN)"
  echo "export KUBECONFIG=$KUBECONFIG_FILE"
}

stop_all() {
  local c pid pids=() left
  for c in "${COMPONENTS[@]}"; do
    if pid_alive "$c"; then
      pid=$(cat "$RUN/$c.pid")
      log "stopping $c (pid $pid)"
      kill "$pid" 2>/dev/null || true
      pids+=("$pid")
    fi
  done
  if [ ${#pids[@]} -eq 0 ]; then
    log "nothing running"
    return 0
  fi
  # all got SIGTERM at once (sequential graceful stops take ~2 s each); wait up to 20 s, then SIGKILL
  for _ in $(seq 1 100); do
    left=()
    for pid in "${pids[@]}"; do
      kill -0 "$pid" 2>/dev/null && left+=("$pid")
    done
    [ ${#left[@]} -eq 0 ] && break
    sleep 0.2
  done
  for pid in "${left[@]}"; do
    log "pid $pid did not exit after 20 s, killing it"
    kill -9 "$pid" 2>/dev/null || true
  done
  log "control plane stopped"
}

cmd_down() {
  case "$RUN" in
    "" | / | "$HOME" | "$HOME/") die "refusing to use PWK_K8S_RUN=$RUN" ;;
  esac
  stop_all
  rm -rf "$RUN"
}

cmd_status() {
  if is_up; then
    echo "https://$HOST:$API_PORT"
  else
    echo "local.sh: not running" >&2
    return 1
  fi
}

cmd_env() { printf 'KUBECONFIG=%q\n' "$KUBECONFIG_FILE"; }

case "${1:-}" in
  build) cmd_build ;;
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  env) cmd_env ;;
  *) echo "usage: $0 build|up|down|status|env" >&2; exit 2 ;;
esac
