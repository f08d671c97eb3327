"""Loopback peers for the calendar import tests, in one process that lives as long as its stdin is open.

Starts a real Radicale (CalDAV) on 127.0.0.1 and a small HTTP server for the cases Radicale cannot produce
(conditional GET counters, oversize, slow, redirects, HTML). Prints RADICALE=<port> and QUIRKS=<port>.

Quirks routes:
  PUT  /files/<name>          store a body; GET /files/<name> serves it with an ETag and honours If-None-Match
  GET  /stats/<name>          JSON {"200": n, "304": n} for that file
  GET  /big                   6 MiB of text
  GET  /slow                  answers after 4 s
  GET  /redirect?to=<url>     302 to the URL
  GET  /html                  an HTML page
  GET  /mkcalendar/<user>/<name>  creates that calendar collection on Radicale (MKCOL + MKCALENDAR)
"""
import hashlib
import http.server
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


RADICALE_PORT = 0
FILES = {}
STATS = {}
LOCK = threading.Lock()


class Quirks(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body and self.command != "HEAD":
            self.wfile.write(body)

    def do_PUT(self):
        name = self.path.split("/files/", 1)[-1]
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with LOCK:
            FILES[name] = body
            STATS.setdefault(name, {"200": 0, "304": 0})
        self.send(204)

    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        if url.path.startswith("/files/"):
            name = url.path[len("/files/"):]
            with LOCK:
                body = FILES.get(name)
            if body is None:
                return self.send(404, b"missing")
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                with LOCK:
                    STATS[name]["304"] += 1
                return self.send(304, headers=[("ETag", etag)])
            with LOCK:
                STATS[name]["200"] += 1
            return self.send(200, body, [("Content-Type", "text/calendar"), ("ETag", etag)])
        if url.path.startswith("/stats/"):
            with LOCK:
                stats = STATS.get(url.path[len("/stats/"):], {})
            return self.send(200, json.dumps(stats).encode(), [("Content-Type", "application/json")])
        if url.path == "/big":
            return self.send(200, (b"X" * 1023 + b"\n") * 6 * 1024, [("Content-Type", "text/calendar")])
        if url.path == "/slow":
            time.sleep(4)
            return self.send(200, b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
        if url.path == "/redirect":
            target = urllib.parse.parse_qs(url.query)["to"][0]
            return self.send(302, headers=[("Location", target)])
        if url.path.startswith("/mkcalendar/"):
            user, name = url.path[len("/mkcalendar/"):].split("/")[:2]
            base = f"http://127.0.0.1:{RADICALE_PORT}"
            for method, path in (("MKCOL", f"/{user}/"), ("MKCALENDAR", f"/{user}/{name}/")):
                try:
                    urllib.request.urlopen(urllib.request.Request(base + path, method=method), timeout=5)
                except urllib.error.HTTPError as error:
                    if method == "MKCALENDAR":
                        return self.send(error.code, b"mkcalendar failed")
            return self.send(201, f"{base}/{user}/{name}/".encode())
        if url.path == "/html":
            return self.send(200, b"<html><body>Sign in</body></html>", [("Content-Type", "text/html")])
        self.send(404, b"not found")


def wait_for(port, child):
    for _ in range(600):
        if child.poll() is not None:
            sys.exit("radicale exited during start-up")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/.web/", timeout=1)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.1)
    sys.exit("radicale did not answer")


def main():
    global RADICALE_PORT
    folder = tempfile.mkdtemp(prefix="radicale-test-")
    port = free_port()
    RADICALE_PORT = port
    child = subprocess.Popen(
        [sys.executable, "-m", "radicale", "--server-hosts", f"127.0.0.1:{port}",
         "--storage-filesystem-folder", os.path.join(folder, "collections"),
         "--auth-type", "none", "--rights-type", "authenticated", "--logging-level", "warning"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(port, child)
        quirks = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quirks)
        threading.Thread(target=quirks.serve_forever, daemon=True).start()
        print(f"RADICALE={port}\nQUIRKS={quirks.server_address[1]}", flush=True)
        sys.stdin.read()  # until the test process closes our stdin (or exits)
    finally:
        child.terminate()
        try:
            child.wait(timeout=5)
        except subprocess.TimeoutExpired:
            child.kill()


if __name__ == "__main__":
    main()
