#!/usr/bin/env bash
# A kind cluster for the integration tests, on machines with Docker and access to the kindest/node
# image (Docker Hub or a mirror). Where that is not available use local.sh instead.
#
# Usage: kind.sh up|down
#
# Environment (all optional):
#   PWK_K8S_RUN      directory for the kubeconfig (default /tmp/pwk-k8s; kubeconfig in $PWK_K8S_RUN/kubeconfig)
#   PWK_KIND_NAME    cluster name                 (default pwk-it)
#   PWK_KIND_IMAGE   node image, e.g. kindest/node:v1.20.2 (default: kind's own default)
set -euo pipefail

NAME=${PWK_KIND_NAME:-pwk-it}
RUN=${PWK_K8S_RUN:-/tmp/pwk-k8s}
KUBECONFIG_FILE=$RUN/kubeconfig

log() { echo "kind.sh: $*"; }
die() { echo "kind.sh: ERROR: $*" >&2; exit 1; }

require_tools() {
  command -v kind >/dev/null 2>&1 || die "'kind' is not installed (see https://kind.sigs.k8s.io); use local.sh on machines without Docker"
  command -v docker >/dev/null 2>&1 || die "'docker' is not installed; use local.sh on machines without Docker"
  docker info >/dev/null 2>&1 || die "the Docker daemon is not reachable ('docker info' failed); use local.sh on machines without Docker"
}

cluster_exists() { kind get clusters 2>/dev/null | grep -qx "$NAME"; }

cmd_up() {
  require_tools
  [ -f "$RUN/kube-apiserver.pid" ] && die "a local.sh control plane seems to be running in $RUN; run local.sh down first"
  mkdir -p "$RUN"
  if cluster_exists; then
    log "kind cluster '$NAME' already exists"
  else
    local args=(create cluster --name "$NAME" --wait 120s --kubeconfig "$KUBECONFIG_FILE")
    [ -n "${PWK_KIND_IMAGE:-}" ] && args+=(--image "$PWK_KIND_IMAGE")
    log "kind ${args[*]}"
    kind "${args[@]}"
  fi
  # kind binds the API server to 127.0.0.1 by default
  kind get kubeconfig --name "$NAME" >"$KUBECONFIG_FILE.tmp"
  chmod 600 "$KUBECONFIG_FILE.tmp"
  mv "$KUBECONFIG_FILE.tmp" "$KUBECONFIG_FILE"
  log "kind cluster '$NAME' up"
  echo "export KUBECONFIG=$KUBECONFIG_FILE"
}

cmd_down() {
  require_tools
  if cluster_exists; then
    log "deleting kind cluster '$NAME'"
    local args=(delete cluster --name "$NAME")
    # kind also removes the cluster's entry from the kubeconfig; point it at ours, not ~/.kube/config
    [ -f "$KUBECONFIG_FILE" ] && args+=(--kubeconfig "$KUBECONFIG_FILE")
    kind "${args[@]}"
  else
    log "no kind cluster '$NAME'"
  fi
  rm -f "$KUBECONFIG_FILE"
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  *) echo "usage: $0 up|down" >&2; exit 2 ;;
esac
