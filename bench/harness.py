"""What the benchmarks that start their own servers share: free ports, a fresh database, the end
of a log."""

from __future__ import annotations

import socket
from pathlib import Path
from urllib.parse import urlsplit


def free_ports(count: int) -> list[int]:
    """Ports free on the loopback now (all held at once, so they differ)."""
    sockets = []
    for _n in range(count):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        sockets.append(s)
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


def reset_database(url: str) -> None:
    """Drop and create the PostgreSQL database of `url` (the callers refuse names without
    "bench")."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    admin = parts._replace(path="/postgres").geturl()  # the server's maintenance database
    with psycopg.connect(admin, autocommit=True) as conn:
        # FORCE: a session left open by an earlier, interrupted run must not block the reset.
        database = sql.Identifier(parts.path.lstrip("/"))
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(database))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(database))


def tail(path: Path, lines: int = 30) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
