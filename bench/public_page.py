"""The public consultation page against a static file, served by the same `heard serve` processes.

    .venv/bin/python bench/public_page.py          # SQLite in a temporary folder
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/heard_bench
    .venv/bin/python bench/public_page.py          # PostgreSQL

With DATABASE_URL the database it names is dropped and created again (its name must contain
"bench"); without it, a SQLite file in a temporary folder. Setup, in this process: migrate and load
the demo consultation with Heard's own loader (heard.cli.load_everything).

Then BENCH_PROCESSES (2) `heard serve` processes, BENCH_THREADS (8) threads each, answer four kinds
of request, each from the same crowd: BENCH_CONNECTIONS (16) keep-alive connections spread over
the processes, opened by BENCH_CLIENT_PROCESSES (2) client processes so that the client is not one
Python thread's worth of CPU:

  page        the demo consultation's public page, as a first visit asks for it (no validators)
  revalidate  the same page with the ETag a first visit was given (If-None-Match): 304
  static      the baseline: a static file near the page's size (heard/css/site.css, the page's
              style sheet), served by WhiteNoise from the same processes
  static_tiny the smallest static file (heard/favicon.svg, 210 bytes): WhiteNoise's cost alone

BENCH_ROUNDS (5) rounds, the order of the four turned each round, BENCH_REQUESTS (6000) requests
of each kind per round, after 400 of each unmeasured. Figures: requests/s over the whole of each
kind's rounds, p50/p95/p99 of every request, and the servers' CPU time per request (read from
/proc before and after each kind's turn; unlike requests/s, it counts neither the clients' CPU on
the same cores nor the database server's).

The servers run with Heard's settings as the environment gives them: HEARD_PUBLIC_PAGE_CHECK_SECONDS
(1 by default; 0 reads the page's token from the database on every request) is recorded with the
figures. waitress closes the connection after every 304 (it keeps one open only with a
Content-Length, which a 304 may not carry), so the revalidating clients open a new connection
for each request, as a browser talking to waitress directly would; the figures count them.
Every answer is checked: status 200 (304 for revalidate), the body's length, and for the page the
security headers and the ETag. Results are appended to bench/results/public_page.jsonl.

The issue's aim: the page at 0.8 times the static file's requests/s or better.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: bench/ and deploy/ as packages
from bench.harness import free_ports, reset_database, tail  # noqa: E402

PROCESSES = int(os.environ.get("BENCH_PROCESSES", "2"))
THREADS = int(os.environ.get("BENCH_THREADS", "8"))  # waitress threads per process: Heard's default
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
CLIENT_PROCESSES = int(os.environ.get("BENCH_CLIENT_PROCESSES", "2"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "6000"))  # of each kind, per round
# The baselines: the page's own style sheet (the static file nearest the page in size), and the
# smallest static file, the icon (WhiteNoise's cost with almost nothing to send).
STATIC_FILES = {"static": "/static/heard/css/site.css", "static_tiny": "/static/heard/favicon.svg"}
WARM_UP = 400  # requests of each kind before measuring, unmeasured
KINDS = ("page", "revalidate", *STATIC_FILES)
REQUEST_TIMEOUT = 60.0


class BenchError(Exception):
    pass


# The client: a child process, so that its CPU is not this process's -------------------------


def _read_response(sock: socket.socket, buffer: bytearray) -> tuple[int, dict[str, str], int]:
    """One HTTP/1.1 response from a keep-alive connection: (status, headers, body length).
    Bytes past this response stay in `buffer`."""
    while True:
        end = buffer.find(b"\r\n\r\n")
        if end >= 0:
            break
        chunk = sock.recv(65536)
        if not chunk:
            raise BenchError("the server closed the connection")
        buffer += chunk
    head = bytes(buffer[:end]).decode("latin-1").split("\r\n")
    del buffer[: end + 4]
    status = int(head[0].split(" ", 2)[1])
    headers = {}
    for line in head[1:]:
        name, _sep, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    if status in (204, 304):
        return status, headers, 0
    if "content-length" not in headers:
        raise BenchError(f"status {status} without Content-Length: {headers}")
    length = int(headers["content-length"])
    while len(buffer) < length:
        chunk = sock.recv(65536)
        if not chunk:
            raise BenchError("the server closed the connection mid-body")
        buffer += chunk
    del buffer[:length]
    return status, headers, length


def _connection_worker(
    port: int,
    request: bytes,
    count: int,
    expect: dict[str, Any],
    out: list[float],
    errors: list[str],
    reconnects: list[int],
) -> None:
    sock: socket.socket | None = None
    buffer = bytearray()
    try:
        for _n in range(count):
            started = time.perf_counter()
            if sock is None:  # the first request, or the server closed the connection after one
                sock = socket.create_connection(("127.0.0.1", port), timeout=REQUEST_TIMEOUT)
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                buffer.clear()
            sock.sendall(request)
            status, headers, length = _read_response(sock, buffer)
            out.append(time.perf_counter() - started)
            if status != expect["status"] or length != expect["length"]:
                errors.append(f"status {status}, {length} bytes; expected {expect}")
                return
            if headers.get("connection", "").lower() == "close":
                # waitress closes the connection after every 304 (it sends no Content-Length
                # with one, and keeps a connection open only with one): a browser opens another.
                sock.close()
                sock = None
                reconnects.append(1)
    except (OSError, BenchError) as error:
        errors.append(repr(error))
    finally:
        if sock is not None:
            sock.close()


def client_main(spec: dict[str, Any]) -> None:
    """Run `connections` keep-alive connections from `start_at` (epoch seconds); print JSON."""
    request = spec["request"].encode("latin-1")
    latencies: list[list[float]] = [[] for _port in spec["ports"]]
    errors: list[str] = []
    reconnects: list[int] = []
    threads = [
        threading.Thread(
            target=_connection_worker,
            args=(port, request, count, spec["expect"], latencies[n], errors, reconnects),
            daemon=True,
        )
        for n, (port, count) in enumerate(zip(spec["ports"], spec["counts"], strict=True))
    ]
    time.sleep(max(0.0, spec["start_at"] - time.time()))
    began = time.time()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ended = time.time()
    flat = [round(s * 1000, 3) for one in latencies for s in one]
    print(
        json.dumps(
            {
                "began": began,
                "ended": ended,
                "ms": flat,
                "errors": errors[:5],
                "reconnects": len(reconnects),
            }
        )
    )


# Servers ----------------------------------------------------------------------------------------


@dataclass
class Server:
    port: int
    process: subprocess.Popen[bytes]
    log: Path


def start_servers(ports: list[int], env: dict[str, str], logs: Path) -> list[Server]:
    import http.client

    servers = []
    heard = Path(sys.executable).parent / "heard"
    for port in ports:
        log = logs / f"heard-{port}.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                [str(heard), "serve", "--port", str(port), "--threads", str(THREADS)],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        servers.append(Server(port, process, log))
    deadline = time.monotonic() + 60
    for server in servers:
        while True:
            if server.process.poll() is not None:
                raise BenchError(f"heard on port {server.port} stopped:\n{tail(server.log)}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
                conn.request("GET", "/healthz")
                conn.getresponse().read()
                conn.close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise BenchError(f"heard on port {server.port} never answered") from None
                time.sleep(0.2)
    return servers


def stop_servers(servers: list[Server]) -> None:
    for server in servers:  # only the processes this script started, by their own handle
        if server.process.poll() is None:
            server.process.terminate()
    for server in servers:
        try:
            server.process.wait(30)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait(10)


def cpu_seconds(servers: list[Server]) -> float:
    """User and system CPU of the server processes so far (Linux /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for server in servers:
        fields = Path(f"/proc/{server.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return total / ticks


def log_errors(servers: list[Server]) -> int:
    return sum(
        1
        for server in servers
        for line in server.log.read_text(errors="replace").splitlines()
        if " ERROR " in line or "Traceback" in line
    )


# Requests and checks ----------------------------------------------------------------------------


def raw_request(path: str, extra: dict[str, str]) -> str:
    lines = [f"GET {path} HTTP/1.1", "Host: 127.0.0.1", "Accept: text/html,*/*"]
    lines += [f"{name}: {value}" for name, value in extra.items()]
    return "\r\n".join(lines) + "\r\n\r\n"


def fetch(port: int, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    try:
        conn.request("GET", path, headers=headers)
        answer = conn.getresponse()
        body = answer.read()
        return answer.status, {k.lower(): v for k, v in answer.getheaders()}, body
    finally:
        conn.close()


def check_answers(servers: list[Server], page: str) -> dict[str, Any]:
    """What each kind of request gets, the same from every process; BenchError otherwise."""
    problems = []
    seen: dict[str, Any] = {}
    for server in servers:
        status, headers, body = fetch(server.port, page, {})
        etag = headers.get("etag", "")
        for name in ("content-security-policy", "x-frame-options", "x-content-type-options"):
            if name not in headers:
                problems.append(f"port {server.port}: the page has no {name}")
        if status != 200:
            problems.append(f"port {server.port}: the page answered {status}")
        if seen.setdefault("etag", etag) != etag:
            problems.append(f"port {server.port}: ETag {etag}, another process gave {seen['etag']}")
        seen.setdefault("page_bytes", len(body))
        seen.setdefault("cache_control", headers.get("cache-control", ""))
        if etag:
            status, headers, body = fetch(server.port, page, {"If-None-Match": etag})
            if status != 304 or body:
                problems.append(f"port {server.port}: revalidation answered {status}")
            if headers.get("etag") != etag or "content-security-policy" not in headers:
                problems.append(f"port {server.port}: the 304 lacks its ETag or its CSP")
        for kind, path in STATIC_FILES.items():
            status, headers, body = fetch(server.port, path, {})
            if status != 200:
                problems.append(f"port {server.port}: {path} answered {status}")
            seen.setdefault(f"{kind}_bytes", len(body))
    if problems:
        raise BenchError("; ".join(problems))
    return seen


@dataclass
class Turn:
    ms: list[float]  # each request's time
    wall: float  # seconds from the first request sent to the last answer
    cpu: float  # the servers' CPU seconds
    connections: int  # opened, in all


def run_kind(
    servers: list[Server], request: str, expect: dict[str, Any], total: int = REQUESTS
) -> Turn:
    """One turn of one kind of request."""
    ports = [servers[n % len(servers)].port for n in range(CONNECTIONS)]
    per_connection = [total // CONNECTIONS + (n < total % CONNECTIONS) for n in range(CONNECTIONS)]
    start_at = time.time() + 0.5  # every client process has started by then
    children = []
    for c in range(CLIENT_PROCESSES):
        mine = list(range(c, CONNECTIONS, CLIENT_PROCESSES))
        spec = {
            "request": request,
            "ports": [ports[n] for n in mine],
            "counts": [per_connection[n] for n in mine],
            "expect": expect,
            "start_at": start_at,
        }
        children.append(
            subprocess.Popen(
                [sys.executable, __file__, "--client", json.dumps(spec)],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    cpu_before = cpu_seconds(servers)
    outputs = []
    for child in children:
        out, err = child.communicate(timeout=600)
        if child.returncode != 0:
            raise BenchError(f"a client process failed: {err[-2000:]}")
        outputs.append(json.loads(out))
    cpu_after = cpu_seconds(servers)
    errors = [e for o in outputs for e in o["errors"]]
    if errors:
        raise BenchError(f"client errors: {errors[:5]}")
    latencies = [ms for o in outputs for ms in o["ms"]]
    if len(latencies) != total:
        raise BenchError(f"{len(latencies)} answers for {total} requests")
    wall = max(o["ended"] for o in outputs) - min(o["began"] for o in outputs)
    opened = CONNECTIONS + sum(o["reconnects"] for o in outputs)
    return Turn(latencies, wall, cpu_after - cpu_before, opened)


# Setup ------------------------------------------------------------------------------------------


def refusal(url: str) -> str:
    if not url:
        return ""
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql", "pgsql"):
        return "DATABASE_URL: PostgreSQL only (leave it unset for SQLite)."
    name = parts.path.lstrip("/")
    if "bench" not in name:
        return (
            f"the database “{name}” would be dropped and created again: use one whose name "
            "contains “bench”, e.g. heard_bench."
        )
    return ""


def keygen() -> dict[str, str]:
    heard = Path(sys.executable).parent / "heard"
    printed = subprocess.run([str(heard), "keygen"], capture_output=True, text=True, check=True)
    return dict(line.split("=", 1) for line in printed.stdout.splitlines() if "=" in line)


def prepare() -> str:
    """Migrate and load the demo through Heard's own code; the page's path."""
    from django.core.management import call_command
    from django.urls import reverse
    from django.utils.translation import override

    from heard.cli import load_everything

    call_command("migrate", verbosity=0)
    demo = ROOT / "heard" / "examples" / "human-trafficking-2018"
    consultation = load_everything(demo)[0].consultation
    assert consultation.is_published
    with override("en"):
        return reverse("consultations:detail", kwargs={"slug": consultation.slug_en})


# Figures ----------------------------------------------------------------------------------------


def percentiles(values: list[float]) -> dict[str, float]:
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return {
        "p50_ms": round(cuts[49], 2),
        "p95_ms": round(cuts[94], 2),
        "p99_ms": round(cuts[98], 2),
    }


def main() -> int:
    url = os.environ.get("DATABASE_URL", "")
    refused = refusal(url)
    if refused:
        print(f"public_page: {refused}", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(143))
    load_before = os.getloadavg()[0]
    workdir = Path(tempfile.mkdtemp(prefix="heard-bench-public-"))
    env = {
        **os.environ,
        **keygen(),  # the same secrets here and in every server
        "HEARD_VAR_DIR": str(workdir / "var"),
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "heard.settings",
    }
    os.environ.update(env)
    if url:
        print(f"Resetting the database {urlsplit(url).path.lstrip('/')}…", flush=True)
        reset_database(url)
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    started = time.perf_counter()
    page = prepare()
    setup_seconds = time.perf_counter() - started
    connection.close()
    database = (
        f"postgresql {connection.pg_version // 10000}"
        if connection.vendor == "postgresql"
        else f"sqlite {connection.Database.sqlite_version}"
    )
    print(f"Ready in {setup_seconds:.1f} s ({database}): {page}", flush=True)

    servers: list[Server] = []
    collected: dict[str, list[Turn]] = {k: [] for k in KINDS}
    try:
        servers = start_servers(free_ports(PROCESSES), env, workdir)
        seen = check_answers(servers, page)
        etag = seen["etag"]
        kinds = [k for k in KINDS if etag or k != "revalidate"]
        requests = {
            "page": (raw_request(page, {}), {"status": 200, "length": seen["page_bytes"]}),
            "revalidate": (
                raw_request(page, {"If-None-Match": etag}),
                {"status": 304, "length": 0},
            ),
            **{
                kind: (raw_request(path, {}), {"status": 200, "length": seen[f"{kind}_bytes"]})
                for kind, path in STATIC_FILES.items()
            },
        }
        print(
            f"{PROCESSES} `heard serve` processes × {THREADS} threads, {CONNECTIONS} connections "
            f"from {CLIENT_PROCESSES} client processes; page {seen['page_bytes']} bytes "
            f"(ETag {etag or 'none'}, Cache-Control “{seen['cache_control']}”), static files "
            f"{seen['static_bytes']} and {seen['static_tiny_bytes']} bytes",
            flush=True,
        )
        for kind in kinds:  # warm every thread of every process, unmeasured
            run_kind(servers, *requests[kind], total=WARM_UP)
        for number in range(ROUNDS):
            order = kinds[number % len(kinds) :] + kinds[: number % len(kinds)]
            for kind in order:
                turn = run_kind(servers, *requests[kind])
                collected[kind].append(turn)
                print(
                    f"  round {number + 1} {kind:<11} {REQUESTS / turn.wall:8.1f} requests/s "
                    f"(p95 {percentiles(turn.ms)['p95_ms']:.1f} ms, server CPU "
                    f"{turn.cpu / REQUESTS * 1000:.2f} ms a request, "
                    f"{turn.connections} connections)",
                    flush=True,
                )
        errors = log_errors(servers)
    except BenchError as error:
        raise BenchError(f"{error} (server logs in {workdir})") from error
    finally:
        stop_servers(servers)
    if errors:
        raise BenchError(f"{errors} error lines in the server logs ({workdir})")
    shutil.rmtree(workdir)

    figures: dict[str, Any] = {}
    for kind in kinds:
        turns = collected[kind]
        every = [ms for turn in turns for ms in turn.ms]
        wall = sum(turn.wall for turn in turns)
        figures[kind] = {
            "requests": len(every),
            "seconds": round(wall, 2),
            "requests_per_second": round(len(every) / wall, 1),
            "rounds_requests_per_second": [round(len(t.ms) / t.wall, 1) for t in turns],
            **percentiles(every),
            "server_cpu_ms_per_request": round(
                sum(turn.cpu for turn in turns) / len(every) * 1000, 3
            ),
            "connections_opened": sum(turn.connections for turn in turns),
        }
    pages = [kind for kind in kinds if kind not in STATIC_FILES]
    ratios: dict[str, Any] = {
        f"{kind}_vs_{base}": round(
            figures[kind]["requests_per_second"] / figures[base]["requests_per_second"], 3
        )
        for kind in pages
        for base in STATIC_FILES
    }
    # Each round's own ratio (the kinds of a round ran one after the other): the spread.
    for kind in pages:
        ratios[f"rounds_{kind}_vs_static"] = [
            round(base.wall / turn.wall, 3)
            for turn, base in zip(collected[kind], collected["static"], strict=True)
        ]
    cpu_ratios = {
        f"{kind}_cpu_vs_{base}": round(
            figures[kind]["server_cpu_ms_per_request"]
            / max(figures[base]["server_cpu_ms_per_request"], 1e-9),
            2,
        )
        for kind in pages
        for base in STATIC_FILES
    }
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    # None for a commit from before the public pages were kept (a "before" measurement).
    check_seconds = getattr(settings, "HEARD_PUBLIC_PAGE_CHECK_SECONDS", None)
    result = {
        "date": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "commit": commit,
        "database": database,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "load_average_before": round(load_before, 2),
        "processes": PROCESSES,
        "threads_per_process": THREADS,
        "connections": CONNECTIONS,
        "client_processes": CLIENT_PROCESSES,
        "rounds": ROUNDS,
        "public_page_check_seconds": check_seconds,
        "page_bytes": seen["page_bytes"],
        "static_bytes": seen["static_bytes"],
        "static_tiny_bytes": seen["static_tiny_bytes"],
        "page_cache_control": seen["cache_control"],
        **figures,
        **ratios,
        **cpu_ratios,
    }
    with (ROOT / "bench" / "results" / "public_page.jsonl").open("a") as out:
        out.write(json.dumps(result, ensure_ascii=False) + "\n")

    print(
        f"\n{result['machine']}, {database}, load average {load_before:.2f} before the run, "
        f"HEARD_PUBLIC_PAGE_CHECK_SECONDS={check_seconds}:"
    )
    for kind in kinds:
        f = figures[kind]
        print(
            f"  {kind:<11} {f['requests']} requests in {f['seconds']:5.1f} s = "
            f"{f['requests_per_second']:7.1f} requests/s   p50 {f['p50_ms']:6.2f} ms   "
            f"p95 {f['p95_ms']:6.2f} ms   server CPU {f['server_cpu_ms_per_request']:.3f} ms "
            "a request"
        )
    for kind in pages:
        spread = ", ".join(f"{r:.2f}" for r in ratios[f"rounds_{kind}_vs_static"])
        for base in STATIC_FILES:
            print(
                f"  {kind} / {base}: {ratios[f'{kind}_vs_{base}']:.2f}× the requests/s, "
                f"{cpu_ratios[f'{kind}_cpu_vs_{base}']:.2f}× the server CPU a request"
                + (f" (each round: {spread})" if base == "static" else "")
            )
    print("  aim (issue 16): the page at 0.8× the static file's requests/s or better")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--client":
        client_main(json.loads(sys.argv[2]))
        sys.exit(0)
    try:
        sys.exit(main())
    except BenchError as error:
        print(f"public_page: FAILED: {error}", file=sys.stderr)
        sys.exit(1)
