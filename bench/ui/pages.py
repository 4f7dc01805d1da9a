#!/usr/bin/env python3
"""Measures the catalog pages as a signed-in browser gets them: time and compressed size.

    bench/ui/pages.py PORT N REQUESTS

Signs in as guest the way the sign-in form does, then, over one keep-alive connection with
Accept-Encoding: gzip, requests each page REQUESTS times (after a warm-up) and prints one line per
page: name, p50 ms, p99 ms, gzip bytes, uncompressed bytes.
"""
import gzip
import http.client
import random
import re
import sys
import time
import urllib.parse


def sign_in(conn):
    conn.request("GET", "/sign-in")
    response = conn.getresponse()
    response.read()
    form_cookie = response.getheader("Set-Cookie").split(";")[0]
    token = form_cookie.split("=", 1)[1]
    body = urllib.parse.urlencode({"_csrf": token, "returnTo": "/"})
    conn.request("POST", "/auth/guest/sign-in", body=body,
                 headers={"Cookie": form_cookie, "Content-Type": "application/x-www-form-urlencoded"})
    response = conn.getresponse()
    response.read()
    if response.status != 303:
        raise SystemExit(f"guest sign-in answered {response.status}")
    return response.getheader("Set-Cookie").split(";")[0]


def measure(conn, cookie, paths, requests):
    headers = {"Cookie": cookie, "Accept-Encoding": "gzip"}
    for path in paths[:20]:
        conn.request("GET", path, headers=headers)
        conn.getresponse().read()
    times, compressed, plain = [], 0, 0
    for i in range(requests):
        path = paths[i % len(paths)]
        start = time.perf_counter()
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        body = response.read()
        times.append((time.perf_counter() - start) * 1000)
        if response.status != 200:
            raise SystemExit(f"{path} answered {response.status}")
        if i == 0:
            compressed = len(body)
            plain = len(gzip.decompress(body)) if response.getheader("Content-Encoding") == "gzip" else len(body)
    times.sort()
    return times[len(times) // 2], times[min(len(times) - 1, int(len(times) * 0.99))], compressed, plain


def main():
    port, n, requests = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    conn = http.client.HTTPConnection("127.0.0.1", port)
    cookie = sign_in(conn)
    rnd = random.Random(1)
    components = max(1, n * 65 // 100 - 10)
    groups = max(1, n * 2 // 100)
    pages = {
        "catalog (components, page 1)": ["/catalog"],
        "catalog filtered (type, lifecycle, tag)": ["/catalog?kind=component&type=service&lifecycle=production&tag=java"],
        "catalog all kinds, page 300": ["/catalog?kind=all&page=300"],
        "catalog free text": ["/catalog?q=number+4" + str(i) for i in range(10)],
        "entity overview": [f"/catalog/default/component/component-{rnd.randrange(components)}" for _ in range(requests)],
        "group page": [f"/catalog/default/group/group-{rnd.randrange(groups)}" for _ in range(requests)],
        "relations graph, depth 2": [f"/catalog/default/component/component-{rnd.randrange(components)}/relations?depth=2" for _ in range(requests)],
    }
    for name, paths in pages.items():
        p50, p99, compressed, plain = measure(conn, cookie, paths, requests)
        print(f"{name}\t{p50:.1f}\t{p99:.1f}\t{compressed}\t{plain}")


if __name__ == "__main__":
    main()
