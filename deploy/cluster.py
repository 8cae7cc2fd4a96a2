"""Heard as it runs in production, on one machine: nginx in front of several `heard serve`
processes, several `heard worker` processes, PostgreSQL.

    make cluster                         # or: .venv/bin/python deploy/cluster.py
    .venv/bin/python deploy/cluster.py --web 3 --workers 2 --port 8080 --no-demo

The same nginx rules as production (deploy/nginx/heard-proxy.conf), the production settings
profile (HEARD_ENV=production, behind a proxy), and a supervisor that starts a process again
when it dies, as systemd's Restart=always does with the units in deploy/systemd. Ctrl-C stops
everything gracefully: nginx first, then the web processes (which finish their requests), then
the workers (which finish their batch).

It needs nginx (Debian: apt-get install nginx; as root it is installed for you) and PostgreSQL:
DATABASE_URL, by default postgres://postgres@127.0.0.1:5432/heard_cluster (created if missing).
Its files (secrets made once by `heard keygen`, nginx's configuration, logs, email written as
files) are under var/cluster/. bench/questionnaire_200.py starts its processes with this module.
"""

from __future__ import annotations

import argparse
import http.client
import os
import pwd
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PROXY_RULES = ROOT / "deploy" / "nginx" / "heard-proxy.conf"
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/heard_cluster"
RESTART_AFTER = 1.0  # seconds, as RestartSec=1 in deploy/systemd


class ClusterError(Exception):
    pass


def heard_command() -> str:
    return str(Path(sys.executable).parent / "heard")


def find_nginx() -> str:
    found = shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx", "/sbin/nginx") if Path(p).exists()), None
    )
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("Installing nginx from Debian's packages…", flush=True)
        quiet = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        if subprocess.run(["apt-get", "install", "-y", "-qq", "nginx"], env=quiet).returncode:
            subprocess.run(["apt-get", "update", "-qq"], env=quiet, check=True)
            subprocess.run(["apt-get", "install", "-y", "-qq", "nginx"], env=quiet, check=True)
        return find_nginx()
    raise ClusterError(
        "nginx is not installed. Debian/Ubuntu: sudo apt-get install nginx; Fedora: sudo dnf "
        "install nginx; macOS: brew install nginx. Then run this again."
    )


def nginx_config(var: Path, port: int, web_ports: list[int]) -> str:
    """nginx.conf for the local cluster: its own prefix, in the foreground, the shared rules."""
    user = pwd.getpwuid(os.geteuid()).pw_name
    servers = "\n".join(
        f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=2s;" for p in web_ports
    )
    temp = "\n".join(
        f"    {kind}_temp_path {var / 'nginx' / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""# Written by deploy/cluster.py; changes are lost at its next start.
daemon off;
{"user " + user + ";" if os.geteuid() == 0 else ""}
worker_processes 1;
pid {var / "nginx" / "nginx.pid"};
error_log {var / "logs" / "nginx-error.log"} warn;
events {{ worker_connections 2048; }}
http {{
{temp}
    access_log off;
    upstream heard_web {{
{servers}
        keepalive 64;
    }}
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        include {PROXY_RULES};
    }}
}}
"""


def database_exists_or_create(url: str) -> None:
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql", "pgsql"):
        raise ClusterError(
            f"the cluster runs on PostgreSQL (several processes write at once); DATABASE_URL is "
            f"{parts.scheme or 'empty'}: set it to e.g. {DEFAULT_DATABASE}"
        )
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
            found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
            if not found:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
                print(f"Created the database {name}.", flush=True)
    except psycopg.OperationalError as error:
        raise ClusterError(
            f"cannot reach PostgreSQL at {parts.hostname}:{parts.port}: {error}"
        ) from None


def secrets(var: Path) -> dict[str, str]:
    """The cluster's secrets, made once by `heard keygen` and kept in var/cluster/heard.env."""
    kept = var / "heard.env"
    if not kept.exists():
        printed = subprocess.run(
            [heard_command(), "keygen"], capture_output=True, text=True, check=True
        ).stdout
        kept.touch(mode=0o600)
        kept.write_text(printed)
    lines = kept.read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line and not line.startswith("#"))


@dataclass
class Child:
    kind: str  # "web", "worker" or "nginx"
    name: str
    command: list[str]
    log: Path
    port: int | None = None
    process: subprocess.Popen[bytes] | None = None
    starts: int = 0
    exits: list[int] = field(default_factory=list)  # return codes of the processes that ended
    down_since: float | None = None

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def start(self, env: dict[str, str]) -> None:
        out = self.log.open("ab")
        self.process = subprocess.Popen(
            self.command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
        )
        out.close()
        self.starts += 1
        self.down_since = None


def web_command(server: str, port: int, threads: int) -> list[str]:
    """One web process: `heard serve` (waitress, the default and what production runs), or
    gunicorn with the same shape (one process, `threads` threads), for bench/ to compare."""
    if server == "waitress":
        listen = ["--host", "127.0.0.1", "--port", f"{port}", "--threads", f"{threads}"]
        return [heard_command(), "serve", *listen]
    if server == "gunicorn":
        gunicorn = Path(sys.executable).parent / "gunicorn"
        if not gunicorn.exists():
            raise ClusterError("gunicorn is not installed in this environment (make install)")
        # No access log: a personal link's token is in its path.
        shape = ["--workers", "1", "--worker-class", "gthread", "--threads", f"{threads}"]
        stop = ["--graceful-timeout", "20"]
        return [
            str(gunicorn),
            "--bind",
            f"127.0.0.1:{port}",
            *shape,
            *stop,
            "heard.wsgi:application",
        ]
    raise ClusterError(f"unknown server {server!r}: waitress or gunicorn")


def answers(port: int, path: str, timeout: float = 2.0) -> int | None:
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        conn.request("GET", path, headers={"Host": "localhost"})
        status = conn.getresponse().status
        conn.close()
        return status
    except OSError:
        return None


class Cluster:
    """nginx, `web` web processes and `workers` workers, supervised from this process."""

    def __init__(
        self,
        *,
        env: dict[str, str],
        var: Path,
        port: int,
        web_ports: list[int],
        workers: int,
        threads: int = 8,
        server: str = "waitress",
        say: bool = True,
    ) -> None:
        self.env, self.var, self.port, self.say = env, var, port, say
        for folder in ("logs", "nginx"):
            (var / folder).mkdir(parents=True, exist_ok=True)
        heard = heard_command()
        logs = var / "logs"
        self.web = [
            Child(
                "web",
                f"web {p}",
                [
                    heard,
                    "serve",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(p),
                    "--threads",
                    str(threads),
                ],
                logs / f"web-{p}.log",
                port=p,
            )
            for p in web_ports
        ]
        self.workers = [
            Child("worker", f"worker {n}", [heard, "worker"], logs / f"worker-{n}.log")
            for n in range(1, workers + 1)
        ]
        conf = var / "nginx" / "nginx.conf"
        conf.write_text(nginx_config(var, port, web_ports))
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (var / "nginx" / kind).mkdir(exist_ok=True)
        self.nginx = Child(
            "nginx",
            "nginx",
            [find_nginx(), "-p", str(var / "nginx"), "-c", str(conf)],
            logs / "nginx.log",
        )
        self.stopping = False

    @property
    def children(self) -> list[Child]:
        return [*self.web, *self.workers, self.nginx]

    def _print(self, line: str) -> None:
        if self.say:
            print(f"cluster: {line}", flush=True)

    def start(self, timeout: float = 60.0) -> None:
        test = subprocess.run([*self.nginx.command, "-t"], capture_output=True, text=True)
        if test.returncode:
            raise ClusterError(f"nginx refused its configuration:\n{test.stderr}")
        for child in [*self.web, *self.workers]:
            child.start(self.env)
        deadline = time.monotonic() + timeout
        for child in self.web:
            while answers(child.port or 0, "/readyz") != 200:
                self._check_alive(child)
                if time.monotonic() > deadline:
                    raise ClusterError(f"{child.name} was not ready after {timeout:.0f} s")
                time.sleep(0.2)
        self.nginx.start(self.env)
        while answers(self.port, "/readyz") != 200:
            self._check_alive(self.nginx)
            if time.monotonic() > deadline:
                raise ClusterError(f"nginx on port {self.port} did not answer")
            time.sleep(0.1)
        self._print(
            f"nginx on 127.0.0.1:{self.port} → {len(self.web)} web processes "
            f"({', '.join(str(c.port) for c in self.web)}), {len(self.workers)} workers"
        )

    def _check_alive(self, child: Child) -> None:
        if child.process is not None and child.process.poll() is not None:
            tail = "\n".join(child.log.read_text(errors="replace").splitlines()[-20:])
            raise ClusterError(f"{child.name} stopped while starting:\n{tail}")

    def supervise_once(self) -> None:
        """Start again any web process or worker that has ended (nginx ending stops it all)."""
        now = time.monotonic()
        for child in [*self.web, *self.workers]:
            if child.process is None or child.process.poll() is None:
                continue
            if child.down_since is None:
                child.down_since = now
                child.exits.append(child.process.returncode)
                self._print(f"{child.name} ended ({describe(child.process.returncode)})")
            elif now - child.down_since >= RESTART_AFTER and not self.stopping:
                child.start(self.env)
                self._print(f"{child.name} started again (pid {child.pid})")
        if self.nginx.process is not None and self.nginx.process.poll() is not None:
            raise ClusterError(f"nginx stopped ({describe(self.nginx.process.returncode)})")

    def kill(self, child: Child) -> None:
        """SIGKILL, as a crash or the kernel's out-of-memory killer would."""
        if child.process is not None and child.process.poll() is None:
            child.process.kill()
            self._print(f"killed {child.name} (pid {child.pid}) with SIGKILL")

    def stop(self) -> None:
        self.stopping = True
        self._stop([self.nginx], signal.SIGQUIT, 10)  # nginx: graceful on SIGQUIT
        self._stop(self.web, signal.SIGTERM, 30)
        self._stop(self.workers, signal.SIGTERM, 60)

    def _stop(self, children: list[Child], signum: int, wait: float) -> None:
        for child in children:
            if child.process is not None and child.process.poll() is None:
                child.process.send_signal(signum)
        for child in children:
            if child.process is None:
                continue
            try:
                child.process.wait(wait)
            except subprocess.TimeoutExpired:
                child.process.kill()
                child.process.wait(10)


def describe(code: int) -> str:
    if code < 0:
        return f"signal {signal.Signals(-code).name}"
    return f"exit status {code}"


def environment(var: Path, port: int, database: str, extra: dict[str, str]) -> dict[str, str]:
    """The production profile, behind the local proxy, over plain HTTP on the loopback."""
    return {
        **os.environ,
        **secrets(var),
        "DATABASE_URL": database,
        "HEARD_ENV": "production",
        "HEARD_VAR_DIR": str(var / "var"),
        "HEARD_ALLOWED_HOSTS": "localhost,127.0.0.1",
        "HEARD_PUBLIC_URL": f"http://localhost:{port}",
        "HEARD_BEHIND_PROXY": "true",
        "HEARD_TRUSTED_PROXIES": "127.0.0.1",
        # Plain HTTP on the loopback only: a real deployment terminates TLS at nginx
        # (deploy/nginx/heard-site.conf) and keeps the redirect.
        "HEARD_SSL_REDIRECT": "false",
        **extra,
    }


def prepare(env: dict[str, str], demo: bool, var: Path, port: int) -> None:
    heard = heard_command()
    steps = [["manage", "migrate", "--no-input"], ["manage", "collectstatic", "--no-input"]]
    for step in steps:
        print(f"heard {' '.join(step)}…", flush=True)
        done = subprocess.run([heard, *step], env=env, cwd=ROOT, capture_output=True, text=True)
        if done.returncode:
            raise ClusterError(f"heard {' '.join(step)} failed:\n{done.stdout}{done.stderr}")
    marker = var / "demo-loaded"
    if demo and not marker.exists():
        print("Loading the demo consultation (once; about a minute)…", flush=True)
        # Its addresses printed with nginx's port, where the cluster serves them.
        at = ["--host", "localhost", "--port", str(port)]
        subprocess.run([heard, "demo", "--no-serve", *at], env=env, cwd=ROOT, check=True)
        marker.touch()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--web", type=int, default=2, help="web processes (default 2)")
    parser.add_argument("--workers", type=int, default=2, help="workers (default 2)")
    parser.add_argument("--port", type=int, default=8080, help="nginx's port (default 8080)")
    parser.add_argument(
        "--first-web-port", type=int, default=8001, help="the web processes' first port"
    )
    parser.add_argument("--no-demo", action="store_true", help="do not load the demo")
    args = parser.parse_args(argv)
    if args.web < 1 or args.workers < 0:
        parser.error("--web must be at least 1 and --workers at least 0")
    var = ROOT / "var" / "cluster"
    var.mkdir(parents=True, exist_ok=True)
    database = os.environ.get("DATABASE_URL") or DEFAULT_DATABASE
    try:
        database_exists_or_create(database)
        # The demo's lead signs in with a password alone, as with `make demo`; set
        # HEARD_SECOND_FACTOR_ROLES=lead,analyst to try the second factor.
        extra = {"HEARD_SECOND_FACTOR_ROLES": os.environ.get("HEARD_SECOND_FACTOR_ROLES", "")}
        env = environment(var, args.port, database, extra)
        prepare(env, not args.no_demo, var, args.port)
        web_ports = [args.first_web_port + n for n in range(args.web)]
        cluster = Cluster(
            env=env, var=var, port=args.port, web_ports=web_ports, workers=args.workers
        )
    except ClusterError as error:
        print(f"cluster: {error}", file=sys.stderr)
        return 1
    stop = False

    def stopping(signum: int, frame: object) -> None:
        nonlocal stop
        stop = True

    signal.signal(signal.SIGINT, stopping)
    signal.signal(signal.SIGTERM, stopping)
    try:
        cluster.start()
        print(
            f"\nHeard runs behind nginx: http://localhost:{args.port}/en/consultations/\n"
            f"Logs: {var / 'logs'}; email is written as files in {var / 'var' / 'mail'}.\n"
            "Ctrl-C stops everything.",
            flush=True,
        )
        while not stop:
            cluster.supervise_once()
            time.sleep(0.2)
    except ClusterError as error:
        print(f"cluster: {error}", file=sys.stderr)
        return 1
    finally:
        print("cluster: stopping…", flush=True)
        cluster.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
