#!/usr/bin/env python3
"""A fake OpenAI-compatible server for HTTPTests (stdlib only).

Started by the test harness: binds 127.0.0.1 on an ephemeral port, prints the port on the
first stdout line, and exits when its stdin closes, so a crashed test run leaves nothing behind.

Routes
  GET  /free-port                      a port nothing listens on (kept bound, never listening)
  ANY  /echo                           JSON of method, path, headers, body; sets X-Echo
  GET  /hold?s=N                       answers after N seconds
  GET  /barrier/<id>?n=N               answers 200 once N requests with <id> are waiting (504 after 5 s)
  GET  /huge?mb=N                      N MiB streamed without Content-Length
  GET  /huge-declared?mb=N             N MiB with Content-Length
  GET  /status/<code>?retry_after=V    that status, with Retry-After: V when given
  GET  /calls/<id>                     how many API calls scenario id <id> received
  POST /s/<scenario>/<id>/v1/chat/completions and /embeddings
       scenarios: ok, no-usage, rate-limit-once, rate-limit-long, fail-once, always-500,
       slow, hang (answers after 90 s), garbage, wrong-shape, huge, auth-echo-401
"""
import json
import os
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

API_KEY = "test-key"
# Sockets behind /free-port, held for the life of the server.
RESERVED_PORTS = []
calls = {}
barriers = {}
lock = threading.Condition()


def count_call(call_id):
    with lock:
        calls[call_id] = calls.get(call_id, 0) + 1
        return calls[call_id]


def check_chat(body):
    """Returns a problem description, or None when the body is a valid chat request."""
    if not isinstance(body.get("model"), str) or not body["model"]:
        return "model missing"
    messages = body.get("messages")
    if not isinstance(messages, list) or not messages:
        return "messages missing"
    for m in messages:
        if m.get("role") not in ("system", "user", "assistant", "tool") or not isinstance(m.get("content"), str):
            return "bad message %r" % (m,)
    if not isinstance(body.get("max_tokens"), int):
        return "max_tokens missing"
    if not isinstance(body.get("temperature"), (int, float)):
        return "temperature missing"
    if "tools" in body and not body["tools"]:
        return "empty tools must be omitted"
    for tool in body.get("tools", []):
        if tool.get("type") != "function" or not tool.get("function", {}).get("name"):
            return "bad tool %r" % (tool,)
    return None


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def handle_one_request(self):
        try:
            super().handle_one_request()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def send_json(self, status, obj, headers=None):
        data = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def send_text(self, status, text, headers=None):
        data = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def stream_megabytes(self, mb, declared):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        if declared:
            self.send_header("Content-Length", str(mb << 20))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        chunk = b"x" * (1 << 16)
        for _ in range((mb << 20) // len(chunk)):
            self.wfile.write(chunk)

    def do_GET(self):
        self.route(b"")

    def do_DELETE(self):
        self.route(self.read_body())

    def do_PUT(self):
        self.route(self.read_body())

    def do_POST(self):
        self.route(self.read_body())

    def route(self, raw):
        url = urlparse(self.path)
        query = parse_qs(url.query)
        parts = url.path.strip("/").split("/")
        if url.path == "/free-port":
            # Kept bound and never listening: a connection is refused, and no other process of the test run
            # (an IRC or Matrix peer started in parallel) can take the port and answer in its own protocol.
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
            RESERVED_PORTS.append(s)
            return self.send_text(200, str(port))
        if url.path == "/echo":
            return self.send_json(200, {
                "method": self.command, "path": self.path,
                "headers": {k.lower(): v for k, v in self.headers.items()},
                "body": raw.decode("utf-8", "replace"),
            }, {"X-Echo": "yes", "X-Multi": "one"})
        if parts[0] == "hold":
            time.sleep(float(query.get("s", ["1"])[0]))
            return self.send_text(200, "held")
        if parts[0] == "barrier":
            return self.barrier(parts[1], int(query.get("n", ["2"])[0]))
        if parts[0] in ("huge", "huge-declared"):
            return self.stream_megabytes(int(query.get("mb", ["1"])[0]), parts[0] == "huge-declared")
        if parts[0] == "status":
            headers = {"Retry-After": query["retry_after"][0]} if "retry_after" in query else {}
            return self.send_text(int(parts[1]), "status %s" % parts[1], headers)
        if parts[0] == "calls":
            with lock:
                return self.send_text(200, str(calls.get(parts[1], 0)))
        if parts[0] == "s" and len(parts) >= 5:
            return self.api(parts[1], parts[2], "/".join(parts[3:]), raw)
        self.send_text(404, "no route " + url.path)

    def barrier(self, barrier_id, n):
        with lock:
            barriers[barrier_id] = barriers.get(barrier_id, 0) + 1
            lock.notify_all()
            arrived = lock.wait_for(lambda: barriers[barrier_id] >= n, timeout=5)
        self.send_text(200 if arrived else 504, "all %d arrived" % n if arrived else "barrier timeout")

    def api(self, scenario, call_id, endpoint, raw):
        attempt = count_call(call_id)
        if scenario == "auth-echo-401":
            return self.send_json(401, {"error": {"message": "bad key: " + str(self.headers.get("Authorization"))}})
        if self.command != "POST":
            return self.send_json(405, {"error": {"message": "POST only"}})
        if self.headers.get("Authorization") != "Bearer " + API_KEY:
            return self.send_json(401, {"error": {"message": "missing or wrong bearer token"}})
        if not (self.headers.get("Content-Type") or "").startswith("application/json"):
            return self.send_json(415, {"error": {"message": "content type must be JSON"}})
        try:
            body = json.loads(raw)
        except ValueError:
            return self.send_json(400, {"error": {"message": "body is not JSON"}})
        if scenario == "rate-limit-once" and attempt == 1:
            return self.send_json(429, {"error": {"message": "slow down"}}, {"Retry-After": "1"})
        if scenario == "rate-limit-long":
            return self.send_json(429, {"error": {"message": "slow down"}}, {"Retry-After": "3600"})
        if scenario == "fail-once" and attempt == 1 or scenario == "always-500":
            return self.send_json(500, {"error": {"message": "internal"}})
        if scenario == "slow":
            time.sleep(5)
        if scenario == "hang":
            time.sleep(90)
        if scenario == "garbage":
            return self.send_text(200, "<html>surprise, not JSON</html>")
        if scenario == "wrong-shape":
            return self.send_json(200, {"choices": []})
        if scenario == "huge":
            return self.stream_megabytes(20, False)
        if endpoint == "v1/embeddings":
            return self.embeddings(body)
        if endpoint == "v1/chat/completions":
            return self.chat(body, with_usage=scenario != "no-usage")
        self.send_json(404, {"error": {"message": "unknown endpoint " + endpoint}})

    def chat(self, body, with_usage):
        problem = check_chat(body)
        if problem:
            return self.send_json(400, {"error": {"message": problem}})
        last = [m["content"] for m in body["messages"] if m["role"] == "user"][-1]
        message = {"role": "assistant", "content": "echo: " + last}
        if body.get("tools"):
            name = body["tools"][0]["function"]["name"]
            message = {"role": "assistant", "content": None, "tool_calls": [
                {"id": "call_1", "type": "function", "function": {"name": name, "arguments": "{\"ok\":true}"}}]}
        answer = {"id": "chatcmpl-1", "object": "chat.completion", "model": body["model"],
                  "choices": [{"index": 0, "message": message, "finish_reason": "stop"}]}
        if with_usage:
            answer["usage"] = {"prompt_tokens": 42, "completion_tokens": 7, "total_tokens": 49,
                               "prompt_tokens_details": {"cached_tokens": 10}}
        self.send_json(200, answer)

    def embeddings(self, body):
        inputs = body.get("input")
        if not isinstance(body.get("model"), str) or not isinstance(inputs, list):
            return self.send_json(400, {"error": {"message": "model and input list required"}})
        # Reversed on purpose: clients must order by `index`.
        data = [{"object": "embedding", "index": i, "embedding": [float(len(text)), float(i), 0.5]}
                for i, text in reversed(list(enumerate(inputs)))]
        self.send_json(200, {"object": "list", "data": data, "model": body["model"],
                             "usage": {"prompt_tokens": 5 * len(inputs), "total_tokens": 5 * len(inputs)}})


def exit_when_parent_goes():
    sys.stdin.read()
    os._exit(0)


if __name__ == "__main__":
    # The default accept backlog of 5 resets connections when tests run in parallel.
    ThreadingHTTPServer.request_queue_size = 128
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=exit_when_parent_goes, daemon=True).start()
    print(server.server_address[1], flush=True)
    server.serve_forever()
