"""`heard serve` stops gracefully on SIGTERM (what systemd and container platforms send): it
stops listening at once, finishes the requests it has already received, then exits cleanly."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from tests.smtp import free_port

ROOT = Path(__file__).resolve().parents[1]


def test_sigterm_refuses_new_connections_and_finishes_the_request_under_way(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HEARD_", "DATABASE_URL"))}
    env.update(HEARD_VAR_DIR=str(tmp_path / "var"))
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "heard.cli", "serve", "--migrate", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(600):  # it listens once its migrations are done
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        # A request under way: its headers only half sent when the process is told to stop.
        under_way = socket.create_connection(("127.0.0.1", port), timeout=10)
        under_way.sendall(b"GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        time.sleep(0.3)
        server.send_signal(signal.SIGTERM)
        time.sleep(0.5)
        refused = False
        try:
            socket.create_connection(("127.0.0.1", port), timeout=2).close()
        except ConnectionRefusedError:
            refused = True
        assert refused, "a stopping process must not take new connections"
        under_way.sendall(b"Connection: close\r\n\r\n")
        answer = b""
        try:
            while chunk := under_way.recv(65536):
                answer += chunk
        except ConnectionResetError:
            server.kill()
            raise AssertionError(server.stdout.read().decode()) from None
        under_way.close()
        assert answer.startswith(b"HTTP/1.1 200 OK"), answer[:200]
        assert b'{"status": "ok"}' in answer
        assert server.wait(15) == 0
        output = server.stdout.read().decode()
        assert "finishing requests" in output and "heard serve: stopped." in output
    finally:
        if server.poll() is None:
            server.kill()
            server.wait(10)
