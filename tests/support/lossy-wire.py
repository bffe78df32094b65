"""A userspace wire between two TUN devices, for kernels without netem (docs/testing.md).

Every IP packet read from one device is written to the other after a delay, or dropped at the
given rate, in each direction on its own, as `tc qdisc ... netem loss L% delay D` on both ends of
a veth pair would do. Usage: lossy-wire.py <tun-a> <tun-b>; it prints "attached" once both are
open. Each line on stdin sets the wire: "<loss 0..1> <delay ms>", e.g. "0.2 500"; "0 0" is clean.
Standard library only.
"""

import fcntl
import heapq
import os
import random
import select
import struct
import sys
import time

TUNSETIFF = 0x400454CA
IFF_TUN = 0x0001
IFF_NO_PI = 0x1000


def attach(name):
    fd = os.open("/dev/net/tun", os.O_RDWR | os.O_NONBLOCK)
    fcntl.ioctl(fd, TUNSETIFF, struct.pack("16sH", name.encode(), IFF_TUN | IFF_NO_PI))
    return fd


def main():
    a, b = attach(sys.argv[1]), attach(sys.argv[2])
    peer = {a: b, b: a}
    stdin = sys.stdin.fileno()
    loss, delay = 0.0, 0.0
    queue = []  # (due, order, fd, packet)
    order = 0
    pending = ""
    print("attached", flush=True)
    while True:
        wait = max(0.0, queue[0][0] - time.monotonic()) if queue else None
        ready, _, _ = select.select([a, b, stdin], [], [], wait)
        for fd in ready:
            if fd == stdin:
                chunk = os.read(stdin, 4096)
                if not chunk:
                    return
                pending += chunk.decode()
                *lines, pending = pending.split("\n")
                for line in filter(str.strip, lines):
                    loss, delay_ms = (float(part) for part in line.split())
                    delay = delay_ms / 1000
                continue
            while True:
                try:
                    packet = os.read(fd, 65535)
                except (BlockingIOError, OSError):
                    break
                if random.random() < loss:
                    continue
                order += 1
                heapq.heappush(queue, (time.monotonic() + delay, order, peer[fd], packet))
        now = time.monotonic()
        while queue and queue[0][0] <= now:
            _, _, fd, packet = heapq.heappop(queue)
            try:
                os.write(fd, packet)
            except OSError:
                pass  # that end is down: the packet is lost, as on a switched-off link


main()
