#!/usr/bin/python3
"""Delays packets without netem: every packet that an iptables rule sends to NFQUEUE queue QUEUE is held
for DELAY_MS milliseconds and then let through, in arrival order.

    hold-packets.py QUEUE DELAY_MS

Runs in the fault injector, inside a node's network namespace. The rules that feed it use
--queue-bypass, so packets pass undelayed (rather than being dropped) when this program is not running.
Stopped with SIGTERM (the heal removes the rules first), it lets every packet it still holds through
at once: a packet held when the program ends would be dropped, and a connection that loses a
keepalive probe and its answer can be ended by its kernel.
"""
import heapq
import itertools
import select
import signal
import socket
import sys
import time

from netfilterqueue import NetfilterQueue

queue_number = int(sys.argv[1])
delay = int(sys.argv[2]) / 1000.0
held = []  # (deadline, sequence, packet)
sequence = itertools.count()


def hold(packet):
    packet.retain()
    heapq.heappush(held, (time.monotonic() + delay, next(sequence), packet))


class Stop(Exception):
    pass


def stop(signum, frame):
    raise Stop()


queue = NetfilterQueue()
queue.bind(queue_number, hold, max_len=65536)
fd = socket.fromfd(queue.get_fd(), socket.AF_NETLINK, socket.SOCK_RAW)
print(f"holding packets of queue {queue_number} for {delay * 1000:.0f} ms", flush=True)
signal.signal(signal.SIGTERM, stop)
try:
    while True:
        timeout = max(0.0, held[0][0] - time.monotonic()) if held else None
        readable, _, _ = select.select([fd], [], [], timeout)
        if readable:
            queue.run(block=False)
        now = time.monotonic()
        while held and held[0][0] <= now:
            heapq.heappop(held)[2].accept()
except Stop:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    while held:
        heapq.heappop(held)[2].accept()
