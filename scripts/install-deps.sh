#!/bin/sh
# install-deps.sh: install the Debian 12 packages actornet needs to build,
# test and render. Idempotent: packages already present are not fetched again,
# and apt-get is skipped entirely when everything is there.
set -eu

PKGS="build-essential cmake pkg-config \
libigraph-dev libcjson-dev libpcre2-dev libgraphviz-dev graphviz \
libutf8proc-dev libxml2-dev libxml2-utils libsqlite3-dev iso-codes \
python3 python3-networkx python3-igraph"

missing=""
for p in $PKGS; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0

echo "install-deps: installing:$missing" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
  SUDO=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing
