#!/usr/bin/env python3
"""Where a run's CPU goes: by process kind, and by scenario (docs/parallel-runs.md, "Where the CPU goes").

  python3 tools/cpu-profile.py sample SAMPLES.tsv          # beside a run; stop it with Ctrl-C or kill (SIGTERM)
  python3 tools/cpu-profile.py report SAMPLES.tsv [REPORTS_DIR]   # REPORTS_DIR: target/cucumber-reports

The sampler reads, every second, the machine's busy time (/proc/stat), each container's CPU counter (its cgroup,
which also counts the `docker exec`s run in it) and each host process's CPU time (/proc/<pid>/stat). What the
machine's counter shows beyond those ("unattributed") is processes that lived less than a second, a removed
container's last second, and the kernel's own work outside any process. Linux with cgroup v1 or v2; stdlib only.

The report adds up every sample: CPU-seconds by kind (postgres nodes, nginx, fault helpers, the test JVM, dockerd,
containerd, ...), "the run" (the machine's busy time minus the sampler itself and processes that are not the run's:
--not-the-run=comm,comm), and, given the run's cucumber.json, each scenario's CPU: the containers of the cluster it
ran on (its "on cluster-N" line), over the scenario's own interval.
"""
import calendar
import glob
import json
import os
import re
import signal
import sys
import time

HZ = os.sysconf("SC_CLK_TCK")


def busy_seconds():
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    # user nice system idle iowait irq softirq [steal: another guest's; guest, guest_nice: already in user, nice]
    return (sum(fields[:7]) - fields[3] - fields[4]) / HZ


def container_counters():
    """container id -> CPU seconds, from cgroup v1 (cgroupfs or systemd driver) or v2."""
    out = {}
    for path in glob.glob("/sys/fs/cgroup/cpuacct/docker/*/cpuacct.usage") + \
            glob.glob("/sys/fs/cgroup/cpuacct/system.slice/docker-*.scope/cpuacct.usage"):
        cid = re.sub(r"^docker-|\.scope$", "", os.path.basename(os.path.dirname(path)))
        try:
            with open(path) as f:
                out[cid] = int(f.read()) / 1e9
        except OSError:
            pass
    for path in glob.glob("/sys/fs/cgroup/system.slice/docker-*.scope/cpu.stat") + \
            glob.glob("/sys/fs/cgroup/docker/*/cpu.stat"):
        cid = re.sub(r"^docker-|\.scope$", "", os.path.basename(os.path.dirname(path)))
        try:
            with open(path) as f:
                out[cid] = int(f.readline().split()[1]) / 1e6
        except (OSError, IndexError, ValueError):
            pass
    return out


def container_name(cid, cache):
    if cid not in cache:
        try:
            with open(f"/var/lib/docker/containers/{cid}/config.v2.json") as f:
                cache[cid] = json.load(f)["Name"].lstrip("/")
        except (OSError, ValueError, KeyError):
            cache[cid] = cid[:12]
    return cache[cid]


def host_processes(me):
    """pid -> (kind, CPU seconds) of the processes outside containers (the sampler itself: kind "sampler")."""
    out = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/cgroup") as f:
                if re.search(r"docker[-/][0-9a-f]{12,}", f.read()):
                    continue  # a container's process: counted with its container (dockerd's own cgroup is not one)
            with open(f"/proc/{d}/stat") as f:
                stat = f.read()
            comm = stat[stat.index("(") + 1:stat.rindex(")")]
            rest = stat[stat.rindex(")") + 2:].split()
            cpu = (int(rest[11]) + int(rest[12])) / HZ
            kind = comm
            if int(d) == me:
                kind = "sampler"
            elif comm == "java":
                with open(f"/proc/{d}/cmdline") as f:
                    cmd = f.read()
                kind = "java:maven" if "plexus-classworlds" in cmd else \
                    "java:scenarios" if "surefire" in cmd or "failsafe" in cmd else "java:other"
            elif comm.startswith("kworker") or comm.startswith("ksoftirq") or comm.startswith("rcu"):
                kind = "kernel threads"
            out[int(d)] = (kind, cpu)
        except (OSError, ValueError, IndexError):
            pass
    return out


def sample(path):
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
    names, me = {}, os.getpid()
    last_busy, last_c, last_p = busy_seconds(), container_counters(), host_processes(me)
    with open(path, "w", buffering=1) as out:
        out.write("time\tkey\tcpu_seconds\n")
        try:
            while not stop:
                time.sleep(1)  # a sampling period, not a wait for a condition
                now = time.time()
                busy, cs, ps = busy_seconds(), container_counters(), host_processes(me)
                rows = [("busy", busy - last_busy)]
                for cid, v in cs.items():
                    rows.append(("container:" + container_name(cid, names), v - last_c.get(cid, 0.0)))
                for pid, (kind, v) in ps.items():
                    before = last_p.get(pid)
                    rows.append(("process:" + kind, v - (before[1] if before else 0.0)))
                sums = {}
                for k, v in rows:
                    if v > 0:
                        sums[k] = sums.get(k, 0.0) + v
                for k, v in sums.items():
                    out.write(f"{now:.1f}\t{k}\t{v:.3f}\n")
                last_busy, last_c, last_p = busy, cs, ps
        except KeyboardInterrupt:
            pass


def container_kind(name):
    m = re.match(r"chat-[0-9a-f]+-(c\d+|own\d+)-(.*)$", name)
    if not m:
        return "container:other (" + re.sub(r"\d+", "N", name) + ")", None
    role = re.sub(r"(-\d+)+$", "", m.group(2))  # worker-3, and worker-3-2 (its second container)
    kind = "faults" if role.startswith("faults") else role
    return "container:" + kind, m.group(1)


def read_scenarios(reports):
    """(name, cluster tag, start, end) of each scenario in cucumber.json."""
    path = os.path.join(reports, "cucumber.json")
    if not os.path.exists(path):
        return []
    out = []
    for feature in json.load(open(path)):
        for el in feature.get("elements", []):
            if el.get("type") != "scenario" or "start_timestamp" not in el:
                continue
            start = calendar.timegm(time.strptime(el["start_timestamp"][:19], "%Y-%m-%dT%H:%M:%S")) \
                + float("0." + (el["start_timestamp"][20:23] or "0"))
            parts = el.get("before", []) + el.get("steps", []) + el.get("after", [])
            length = sum(p.get("result", {}).get("duration", 0) for p in parts) / 1e9
            # The scenario has its cluster from the hook that says "on cluster-N" on: a wait for a place on the
            # machine before it (MachineGateHooks) is not its cluster's time.
            cluster, waited = None, 0.0
            for p in parts:
                for line in p.get("output", []):
                    m = re.match(r"on (own-)?cluster-?(\d+)", line)
                    if m and cluster is None:
                        cluster = ("own" if m.group(1) else "c") + m.group(2)
                if cluster is not None:
                    break
                waited += p.get("result", {}).get("duration", 0) / 1e9
            if cluster is None:
                waited = 0.0
            out.append((feature.get("uri", "").split("/")[-1] + ": " + el.get("name", ""), cluster,
                        start + waited, start + length))
    return out


def report(path, reports, not_the_run):
    kinds, busy, attributed, by_cluster = {}, 0.0, 0.0, []
    first = last = None
    with open(path) as f:
        next(f)
        for line in f:
            t, key, v = line.rstrip("\n").split("\t")
            t, v = float(t), float(v)
            first = t if first is None else first
            last = t
            if key == "busy":
                busy += v
                continue
            attributed += v
            if key.startswith("container:"):
                kind, cluster = container_kind(key[len("container:"):])
                if cluster:
                    by_cluster.append((t, cluster, v))
            else:
                kind = key
            kinds[kind] = kinds.get(kind, 0.0) + v
    excluded = sum(v for k, v in kinds.items() if k.split(":", 1)[1] in not_the_run)
    print(f"samples from {time.strftime('%H:%M:%S', time.gmtime(first))} to {time.strftime('%H:%M:%S', time.gmtime(last))} UTC"
          f" ({last - first:.0f} s)")
    print(f"machine busy: {busy:.0f} CPU-s; not the run ({', '.join(sorted(not_the_run))}): {excluded:.0f};"
          f" the run: {busy - excluded:.0f} CPU-s")
    print("\nCPU-seconds by kind:")
    for k, v in sorted(kinds.items(), key=lambda kv: -kv[1]):
        if v >= 1:
            print(f"  {v:8.1f}  {k}")
    print(f"  {busy - attributed:8.1f}  unattributed (short-lived processes, removed containers' last second, kernel)")
    print(f"  {attributed:8.1f}  in all, attributed (containers and processes; a figure that does not depend on how the kernel counts busy time)")
    scenarios = read_scenarios(reports) if reports else []
    if scenarios:
        rows, inside = [], 0.0
        for name, cluster, start, end in scenarios:
            cpu = sum(v for t, c, v in by_cluster if c == cluster and start <= t - 0.5 < end)  # a sample covers the second before it
            inside += cpu
            rows.append((cpu, end - start, cluster, name))
        total_clusters = sum(v for _, _, v in by_cluster)
        print(f"\nCluster containers: {total_clusters:.0f} CPU-s, {inside:.0f} inside scenarios (a cluster's start-up counts in"
              f" its first scenario, the check before a scenario in it), {total_clusters - inside:.0f} between them")
        print("CPU-seconds of each scenario's cluster over its own interval (wall seconds, cluster):")
        for cpu, wall, cluster, name in sorted(rows, reverse=True)[:int(os.environ.get("TOP", "25"))]:
            print(f"  {cpu:7.1f}  {wall:6.1f} s  {cluster or '?':5}  {name[:110]}")


def main(argv):
    if len(argv) >= 2 and argv[0] == "sample":
        sample(argv[1])
    elif len(argv) >= 2 and argv[0] == "report":
        not_the_run = {"sampler", "java:other"}
        args = [a for a in argv[1:] if not a.startswith("--not-the-run=")]
        for a in argv[1:]:
            if a.startswith("--not-the-run="):
                not_the_run |= set(a.split("=", 1)[1].split(","))
        report(args[0], args[1] if len(args) > 1 else None, not_the_run)
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
