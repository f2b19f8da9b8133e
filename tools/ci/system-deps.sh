#!/usr/bin/env bash
# System packages the tests use, from Debian's archive: python3-jinja2 is the oracle the Jinja
# differential tests compare against. Installs only what is missing.
set -euo pipefail
need=()
/usr/bin/python3 -c 'import jinja2' >/dev/null 2>&1 || need+=(python3-jinja2)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing system packages: ${need[*]} (install them with: sudo apt-get install -y ${need[*]})" >&2
    exit 1
  fi
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
