# Shared helpers of the CI scripts: phase timing and a Docker engine that answers.
# Sourced by .ci/run and .ci/setup; never run on its own.

PHASES=()
phase_start() { PHASE_NAME=$1; PHASE_T0=$(date +%s); echo; echo "==> [$(date +%T)] $1"; }
phase_end() { local d=$(( $(date +%s) - PHASE_T0 )); PHASES+=("$(printf '%-34s %5ss' "$PHASE_NAME" "$d")"); echo "<== $PHASE_NAME: ${d}s"; }
print_phases() { echo; echo "Phase timings:"; printf '  %s\n' "${PHASES[@]}"; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  # Installs the Debian packages named, once per script run for the index update.
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing Debian packages: ${missing[*]}"
  if [ -z "${APT_UPDATED:-}" ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_docker_engine() {
  if docker info >/dev/null 2>&1; then echo "Docker engine answers: $(docker version -f '{{.Server.Version}}')"; return 0; fi
  command -v dockerd >/dev/null 2>&1 || apt_install docker.io
  if ! docker info >/dev/null 2>&1; then
    # Without Docker's userland proxy: a published port is forwarded by the kernel (NAT), not by a docker-proxy
    # process per port copying every byte the test JVM exchanges with a node.
    echo "no Docker engine answers: starting dockerd without the userland proxy (log: /var/log/dockerd-ci.log)"
    as_root sh -c 'nohup dockerd --userland-proxy=false >/var/log/dockerd-ci.log 2>&1 & echo $! >/run/dockerd-ci.pid'
    local i first; first=$(cat /run/dockerd-ci.pid 2>/dev/null || true)
    for i in $(seq 1 60); do
      docker info >/dev/null 2>&1 && break
      [ -n "$first" ] && ! as_root kill -0 "$first" 2>/dev/null && break   # it exited: no use waiting for it
      sleep 1
    done
    if ! docker info >/dev/null 2>&1; then
      # Without the proxy, published ports need the kernel's NAT (iptables). Where it cannot be programmed, dockerd
      # may not start: start it as Docker does by default, with the proxy. (Where iptables is missing altogether,
      # dockerd needs --iptables=false as well; that is left to the machine's owner.)
      echo "dockerd without the userland proxy exited or did not answer within 60 s (tail of its log below): starting it with the proxy"
      tail -5 /var/log/dockerd-ci.log
      local pid; pid=$(cat /run/dockerd-ci.pid 2>/dev/null || true)
      if [ -n "$pid" ]; then
        as_root kill "$pid" 2>/dev/null || true
        for i in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      fi
      as_root sh -c 'nohup dockerd >/var/log/dockerd-ci.log 2>&1 & echo $! >/run/dockerd-ci.pid'
      for i in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
    fi
  fi
  docker info >/dev/null 2>&1 || { echo "ERROR: dockerd did not answer within 60 s; see /var/log/dockerd-ci.log" >&2; tail -20 /var/log/dockerd-ci.log >&2; return 1; }
  echo "Docker engine answers: $(docker version -f '{{.Server.Version}}')"
}

# A minimal Debian root made with debootstrap and imported as an image (no registry needed).
ensure_debian_base() {
  local suite=$1 tag=$2
  docker image inspect "$tag" >/dev/null 2>&1 && { echo "$tag present"; return 0; }
  apt_install debootstrap
  local root; root=$(mktemp -d /tmp/debootstrap-"$suite".XXXX)
  echo "debootstrap $suite into $root"
  as_root debootstrap --variant=minbase "$suite" "$root" http://deb.debian.org/debian >"$root.log" 2>&1 \
    || { echo "ERROR: debootstrap $suite failed; see $root.log" >&2; tail -20 "$root.log" >&2; return 1; }
  printf 'Acquire::Check-Valid-Until "false";\n' | as_root tee "$root/etc/apt/apt.conf.d/99snapshot" >/dev/null
  as_root rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  as_root tar -C "$root" -c . | docker import - "$tag" >/dev/null
  as_root rm -rf "$root"
  echo "$tag imported"
}
