#!/usr/bin/env python3
"""Measures server latency of catalog endpoints over one keep-alive connection.

    bench/catalog/latency.py PORT TOKEN N REQUESTS

Prints one line per endpoint: name p50_ms p99_ms. Warms each endpoint up first.
"""
import http.client
import random
import sys
import time


def measure(conn, token, paths, requests):
    headers = {"Authorization": "Bearer " + token}
    for path in paths[:50]:
        conn.request("GET", path, headers=headers)
        conn.getresponse().read()
    times = []
    for i in range(requests):
        path = paths[i % len(paths)]
        start = time.perf_counter()
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        response.read()
        times.append((time.perf_counter() - start) * 1000)
        if response.status != 200:
            raise SystemExit(f"{path} answered {response.status}")
    times.sort()
    return times[len(times) // 2], times[min(len(times) - 1, int(len(times) * 0.99))]


def main():
    port, token, n, requests = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    conn = http.client.HTTPConnection("127.0.0.1", int(port))
    rnd = random.Random(1)
    components = max(1, n * 65 // 100 - 10)
    endpoints = {
        "by-query kind=component,spec.type=service limit=100": ["/api/catalog/entities/by-query?filter=kind%3Dcomponent,spec.type%3Dservice&limit=100"],
        "by-name": [f"/api/catalog/entities/by-name/component/default/component-{rnd.randrange(components)}" for _ in range(requests)],
        "entity-facets facet=spec.type": ["/api/catalog/entity-facets?facet=spec.type"],
    }
    for name, paths in endpoints.items():
        p50, p99 = measure(conn, token, paths, requests)
        print(f"{name}\t{p50:.2f}\t{p99:.2f}")


if __name__ == "__main__":
    main()
