"""CPU of a respondent's requests inside one web process, against the one-row baseline view.

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/heard_bench_cpu
    .venv/bin/python bench/respondent_cpu.py [--respondents 60] [--profile 25]

The database named in DATABASE_URL is dropped and created again (its name must contain "bench").
This is `bench/questionnaire_200.py` without the network: the same 30-question form, the same
answers and the same sequence of requests (link, privacy notice, start, five pages read and
saved, check page, submission, confirmation), sent one respondent after another straight to
Heard's WSGI application in the production settings profile, with the baseline's one-row view
(`bench/minimal`) called the same number of times in the same process, interleaved by
respondent. What it measures is the process's CPU time (`time.process_time`) per request of
each kind: the part of a request that the web processes pay for, without the server, the proxy
or the clients, so that a change to the request's work shows up without the noise of a loaded
machine. PostgreSQL's own work is in another process and not counted here.

`--profile N` prints the N functions with the most cumulative time over the respondents'
requests (cProfile, which slows everything; the per-kind figures come from a run without it);
`--profile-kinds page_save,submit` profiles only those kinds, `--sort tottime` orders by each
function's own time.
Results are appended to bench/results/respondent_cpu.jsonl.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import UTC, date, datetime
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.harness import reset_database  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "respondent_cpu.jsonl"
SIZES: dict[str, list[int]] = defaultdict(list)  # bytes of each response, by kind


class Failure(Exception):
    pass


class Browser:
    """A cookie jar that calls the WSGI application directly, as a server would."""

    def __init__(
        self,
        application: Any,
        clock: dict[str, list[float]],
        profiler: cProfile.Profile | None = None,
        profiled: frozenset[str] = frozenset(),
    ) -> None:
        self.application = application
        self.cookies: dict[str, str] = {}
        self.clock = clock
        self.profiler = profiler
        self.profiled = profiled  # the kinds of request profiled; none means every one

    def request(
        self, method: str, path: str, label: str, fields: list[tuple[str, str]] | None = None
    ) -> tuple[int, str, str]:
        body = urlencode(fields).encode() if fields is not None else b""
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8080",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_HOST": "127.0.0.1:8080",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(body),
            "wsgi.errors": sys.stderr,
            "wsgi.version": (1, 0),
            "wsgi.multithread": True,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
            "CONTENT_LENGTH": str(len(body)),
        }
        if fields is not None:
            environ["CONTENT_TYPE"] = "application/x-www-form-urlencoded"
            environ["HTTP_ORIGIN"] = "http://127.0.0.1:8080"
        if self.cookies:
            environ["HTTP_COOKIE"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        got: dict[str, Any] = {}

        def start_response(status: str, headers: list[tuple[str, str]], exc: Any = None) -> Any:
            got["status"], got["headers"] = int(status.split()[0]), headers

        profiler = self.profiler if not self.profiled or label in self.profiled else None
        if profiler is not None:
            profiler.enable()
        started = time.process_time()
        chunks = self.application(environ, start_response)
        content = b"".join(chunks)
        if hasattr(chunks, "close"):
            chunks.close()
        self.clock[label].append(time.process_time() - started)
        if profiler is not None:
            profiler.disable()
        SIZES[label].append(len(content))
        location = ""
        for name, value in got["headers"]:
            if name.lower() == "set-cookie":
                for key, morsel in SimpleCookie(value).items():
                    if morsel["max-age"] == "0":
                        self.cookies.pop(key, None)
                    else:
                        self.cookies[key] = morsel.value
            elif name.lower() == "location":
                location = urlsplit(value).path
        return got["status"], location, content.decode("utf-8", errors="replace")

    def expect(
        self,
        method: str,
        path: str,
        label: str,
        status: int,
        fields: list[tuple[str, str]] | None = None,
    ) -> tuple[str, str]:
        got, where, text = self.request(method, path, label, fields)
        if got != status:
            snippet = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text))[:300]
            raise Failure(f"{method} {path}: {got} → {where or '-'}, expected {status}: {snippet}")
        return where, text


def respond(browser: Browser, link: str, answers: Any) -> int:
    """One respondent's whole visit; the number of requests it took."""
    from bench.questionnaire_200 import PAGE_NAMES, SHOWN, csrf

    home, _text = browser.expect("GET", link, "link", 302)
    _where, text = browser.expect("GET", home, "start_view", 200)
    browser.expect("POST", home, "start", 302, [("csrfmiddlewaretoken", csrf(text))])
    location = f"{home}page/{PAGE_NAMES[0]}/"
    for number, name in enumerate(PAGE_NAMES):
        _where, text = browser.expect("GET", location, "page_view", 200)
        fields = [
            ("csrfmiddlewaretoken", csrf(text)),
            *[("shown", shown) for shown in SHOWN.findall(text)],
            *answers.posted[name],
            ("action", "continue"),
        ]
        after = (
            f"{home}page/{PAGE_NAMES[number + 1]}/"
            if number + 1 < len(PAGE_NAMES)
            else f"{home}check/"
        )
        where, _text = browser.expect("POST", location, "page_save", 302, fields)
        if where != after:
            raise Failure(f"saving {name} went to {where}, not {after}")
        location = after
    _where, text = browser.expect("GET", location, "check_view", 200)
    browser.expect("POST", location, "submit", 302, [("csrfmiddlewaretoken", csrf(text))])
    browser.expect("GET", f"{home}done/", "done_view", 200)
    return 4 + 2 * len(PAGE_NAMES) + 2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--respondents", type=int, default=60)
    parser.add_argument("--warm", type=int, default=5, help="respondents not measured, first")
    parser.add_argument("--profile", type=int, default=0, help="print the N costliest functions")
    parser.add_argument(
        "--profile-kinds",
        default="",
        help="profile only these kinds of request, comma-separated (page_view,page_save,…)",
    )
    parser.add_argument(
        "--sort", default="cumulative", help="order of the profile: cumulative or tottime"
    )
    args = parser.parse_args(argv)
    url = os.environ.get("DATABASE_URL", "")
    from bench.questionnaire_200 import refusal

    refused = refusal(url)
    if refused:
        print(f"respondent_cpu: {refused}", file=sys.stderr)
        return 2
    from deploy.cluster import environment

    var = Path(tempfile.mkdtemp(prefix="heard-bench-cpu-"))
    os.environ.update(
        environment(
            var,
            8080,
            url,
            {
                "HEARD_PUBLIC_URL": "http://127.0.0.1:8080",
                "HEARD_SECOND_FACTOR_ROLES": "",
                "HEARD_ALLOWED_HOSTS": "127.0.0.1,localhost",
            },
        )
    )
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.minimal.settings"
    reset_database(url)
    import django

    django.setup()
    from django.core.wsgi import get_wsgi_application
    from django.db import connection

    from bench.questionnaire_200 import answers_for, prepare

    people = args.warm + args.respondents
    setup = prepare("http://127.0.0.1:8080", people)
    today = date.today()
    application = get_wsgi_application()
    clock: dict[str, list[float]] = defaultdict(list)
    warm: dict[str, list[float]] = defaultdict(list)
    profiler = cProfile.Profile(time.process_time) if args.profile else None
    sequence = 0
    for index, link in enumerate(setup.links):
        measured = index >= args.warm
        browser = Browser(
            application,
            clock if measured else warm,
            profiler if measured else None,
            frozenset(filter(None, args.profile_kinds.split(","))),
        )
        requests = respond(browser, link, answers_for(random.Random(index), today))
        baseline = Browser(application, clock if measured else warm)
        for _n in range(requests):
            sequence += 1
            fields = [("client", str(index)), ("seq", str(sequence))]
            baseline.expect("POST", "/minimal/", "baseline", 200, fields)
    heard = [t for label, times in clock.items() if label != "baseline" for t in times]
    figures = {
        label: {
            "requests": len(times),
            "mean_ms": round(1000 * statistics.fmean(times), 3),
            "median_ms": round(1000 * statistics.median(times), 3),
            "mean_bytes": round(statistics.fmean(SIZES[label])),
        }
        for label, times in sorted(clock.items())
    }
    mean = 1000 * statistics.fmean(heard)
    floor = figures["baseline"]["mean_ms"]
    result = {
        "date": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "commit": subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip(),
        "database": f"postgresql {connection.pg_version // 10000}",
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "respondents": args.respondents,
        "profiled": bool(profiler),
        "respondent_request_mean_ms": round(mean, 3),
        "baseline_mean_ms": floor,
        "ratio": round(mean / floor, 2),
        "per_kind": figures,
    }
    print(f"{'request':<12} {'n':>5} {'mean ms':>9} {'median ms':>10} {'bytes':>7}")
    for label, row in figures.items():
        print(
            f"{label:<12} {row['requests']:>5} {row['mean_ms']:>9.3f} {row['median_ms']:>10.3f}"
            f" {row['mean_bytes']:>7}"
        )
    print(
        f"respondent request: {mean:.3f} ms of CPU, {mean / floor:.2f}× the one-row view's "
        f"{floor:.3f} ms (n = {len(heard)} and {len(clock['baseline'])})"
    )
    if profiler is not None:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(args.sort).print_stats(args.profile)
        print(out.getvalue())
    else:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        with RESULTS.open("a") as handle:
            handle.write(json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
