"""200 people answer a 30-question form, through nginx to several web processes, on PostgreSQL.

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/heard_bench
    .venv/bin/python bench/questionnaire_200.py

The database named in DATABASE_URL is dropped and created again (its name must contain "bench").
Setup, in this process: migrate, load the demo consultation, create a questionnaire open now with a
30-question XLSForm written below (5 pages of 6: select_one, select_multiple, integers with
constraints, multiline text, dates, acknowledge, relevance on the same page and across pages),
put 200 people per phase in the registry, invite them and read their personal links from the
outbox.

The servers are the local production cluster of deploy/cluster.py (`make cluster`): nginx with
the production proxy rules in front of BENCH_PROCESSES (4) `heard serve` processes of
BENCH_THREADS (8) threads, in the production settings profile. Each respondent is a thread with
its own cookies and does what a browser does: opens the link, reads the privacy notice, starts,
reads and saves every page, reads the check page, sends, reads the confirmation. One in ten sends
the check form twice at the same moment, from two connections with the same cookies.
BENCH_PHASES chooses among four phases (the three with respondents have 200 each of their own):

- capacity: all 200 at once, with no pause: requests per second. Baseline, in the same run, the
  same cluster, clients and number of requests per client: a Django view that inserts one row
  (bench/minimal: Heard's settings plus that view, served by `heard serve` too). Each side first
  sends a round of 200 to fresh processes (people of its own), then the round measured: the
  first round pays for what a process does once (its database connections, compiling templates
  and the form), which is printed too but is not what a process running for hours costs.
- paced: all 200 at once, each pausing BENCH_THINK seconds (1,5: uniformly between 1 and 5)
  before each form it sends, as a (very quick) person does: what a respondent waits for.
- public: the demo consultation's public page against a static file (the style sheet), through
  the same nginx and web processes, with bench/public_page.py's client processes.
- faults: paced again, while two workers deliver every invitation to a real SMTP server on the
  loopback (each message takes BENCH_SINK_DELAY seconds); a worker and then a web process are
  killed with SIGKILL (BENCH_FAULT_AT seconds after the start) and started again by the
  cluster's supervisor. A respondent whose request got a 502 or no answer sends it again.

Afterwards the database must hold exactly one submitted response per respondent, no draft, answers
that decrypt to exactly what was sent, and exactly one `questionnaire.response_submitted` audit
event per response; the baseline table one row per request; every invitation delivered exactly
once or marked uncertain (never sent again). Anything else exits non-zero. The targets (half the
baseline's throughput, p95 under 300 ms) are printed beside the figures, not enforced. Results are
appended to bench/results/questionnaire_200.jsonl. CI runs the faults phase alone with 40
respondents (BENCH_CLIENTS=40 BENCH_PHASES=faults).
"""

from __future__ import annotations

import email
import email.policy
import http.client
import http.cookies
import io
import json
import os
import platform
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run as a script: bench/ and deploy/ as packages
from bench.harness import free_ports, reset_database, tail  # noqa: E402

CLIENTS = int(os.environ.get("BENCH_CLIENTS", "200"))
PROCESSES = int(os.environ.get("BENCH_PROCESSES", "4"))
THREADS = int(os.environ.get("BENCH_THREADS", "8"))  # waitress threads per process: Heard's default
SERVER = os.environ.get("BENCH_SERVER", "waitress")  # or gunicorn (gthread), the same shape
DOUBLE_EVERY = 10  # one respondent in ten sends the final form twice at once
PHASES = [
    p.strip() for p in os.environ.get("BENCH_PHASES", "capacity,paced,faults,public").split(",")
]
RESPONDENT_PHASES = [p for p in PHASES if p != "public"]  # each with its own CLIENTS people
# The capacity phase sends a first round of CLIENTS respondents (and of baseline clients) to fresh
# processes before the round it measures, with people of its own.
RESPONDENT_GROUPS = RESPONDENT_PHASES + (["capacity-first"] if "capacity" in PHASES else [])
PUBLIC_REQUESTS = int(os.environ.get("BENCH_PUBLIC_REQUESTS", "4000"))  # each kind, each round
PUBLIC_ROUNDS = 3
_think = [float(x) for x in os.environ.get("BENCH_THINK", "1,5").split(",")]
THINK = (_think[0], _think[-1])
_fault_at = [float(x) for x in os.environ.get("BENCH_FAULT_AT", "3,6").split(",")]
FAULT_AT = (_fault_at[0], _fault_at[-1])  # seconds after the start: a worker, then a web process
# Each email takes this long at the SMTP server: by default, so that two workers need about
# three times as long as the first kill to deliver every invitation (one phase's worth per phase).
SINK_DELAY = float(
    os.environ.get("BENCH_SINK_DELAY", "")
    or max(0.02, 6 * FAULT_AT[0] / (CLIENTS * max(1, len(RESPONDENT_GROUPS))))
)
TIMEOUT = float(os.environ.get("BENCH_TIMEOUT", "600"))  # the whole load phase, each
REQUEST_TIMEOUT = 120.0

# The form ---------------------------------------------------------------------------------------

EN, FR = "English (en)", "Français (fr)"
SURVEY_COLUMNS = [
    "type",
    "name",
    f"label::{EN}",
    f"label::{FR}",
    "required",
    "relevant",
    "constraint",
    f"constraint_message::{EN}",
    f"constraint_message::{FR}",
    "appearance",
]

ROLES = ["frontline", "police", "prosecutor", "health", "researcher", "other"]
PROVINCES = ["bc", "ab", "sk", "mb", "on", "qc", "nb", "ns", "pe", "nl", "yt", "nt", "nu"]
GROUPS = ["women", "youth", "indigenous", "migrants", "lgbtq", "men"]
TOPICS = ["prevention", "protection", "prosecution", "partnerships", "research"]
SCALE = ["s1", "s2", "s3", "s4", "s5"]
CHANNELS = ["email", "phone", "meeting", "none"]
YESNO = ["yes", "no"]
CHOICE_LISTS = {
    "role": ROLES,
    "province": PROVINCES,
    "group": GROUPS,
    "topic": TOPICS,
    "scale": SCALE,
    "channel": CHANNELS,
    "yesno": YESNO,
}


def q(kind: str, name: str, en: str, fr: str = "", **columns: str) -> dict[str, str]:
    """One survey row; constraint messages as msg_en / msg_fr."""
    found = {"type": kind, "name": name, f"label::{EN}": en, f"label::{FR}": fr or f"{en} (fr)"}
    found["required"] = "no"  # written out, as spreadsheet templates do, rather than left empty
    if "msg_en" in columns:
        found[f"constraint_message::{EN}"] = columns.pop("msg_en")
        found[f"constraint_message::{FR}"] = columns.pop("msg_fr")
    return {**found, **columns}


# Five groups of six questions; each group is a page. Every page applies to everyone, so that each
# respondent makes the same number of requests; questions inside them come and go.
PAGES: list[tuple[str, str, str, list[dict[str, str]]]] = [
    (
        "about",
        "About you",
        "À propos de vous",
        [
            q("select_one role", "role", "Your role", "Votre rôle", required="yes"),
            q(
                "text",
                "role_other",
                "Which role?",
                "Quel rôle ?",
                required="yes",
                relevant="${role} = 'other'",
            ),
            q(
                "integer",
                "years",
                "Years of experience",
                "Années d'expérience",
                required="yes",
                constraint=". >= 0 and . <= 70",
                msg_en="Between 0 and 70",
                msg_fr="Entre 0 et 70",
            ),
            q(
                "select_one province",
                "province",
                "Province or territory",
                "Province ou territoire",
                required="yes",
                appearance="minimal",
            ),
            q(
                "select_multiple group",
                "works_with",
                "Whom do you work with?",
                "Avec qui travaillez-vous ?",
                required="yes",
            ),
            q(
                "date",
                "since",
                "In this role since",
                "Dans ce rôle depuis",
                constraint=". <= today()",
                msg_en="A date in the past",
                msg_fr="Une date passée",
            ),
        ],
    ),
    (
        "experience",
        "Your experience",
        "Votre expérience",
        [
            q(
                "integer",
                "cases",
                "Cases in the last year",
                "Dossiers l'an dernier",
                required="yes",
                constraint=". >= 0 and . <= 5000",
                msg_en="Between 0 and 5000",
                msg_fr="Entre 0 et 5000",
            ),
            q(
                "select_one yesno",
                "training",
                "Have you had training?",
                "Avez-vous reçu une formation ?",
                required="yes",
                appearance="horizontal",
            ),
            q(
                "integer",
                "training_hours",
                "Hours of training",
                "Heures de formation",
                required="yes",
                relevant="${training} = 'yes'",
                constraint=". > 0 and . <= 500",
                msg_en="Between 1 and 500",
                msg_fr="Entre 1 et 500",
            ),
            q(
                "date",
                "training_date",
                "Last training",
                "Dernière formation",
                relevant="${training} = 'yes'",
                constraint=". <= today()",
                msg_en="A date in the past",
                msg_fr="Une date passée",
            ),
            q(
                "text",
                "barriers",
                "What gets in the way?",
                "Quels sont les obstacles ?",
                appearance="multiline",
            ),
            # Relevant on an answer from the page before: shown (or not) when the page is drawn.
            q(
                "text",
                "senior_view",
                "With ten years or more: what changed?",
                "Avec dix ans ou plus : qu'est-ce qui a changé ?",
                relevant="${years} >= 10",
                appearance="multiline",
            ),
        ],
    ),
    (
        "priorities",
        "Priorities",
        "Priorités",
        [
            q("select_one topic", "priority", "First priority", "Priorité", required="yes"),
            q(
                "select_multiple topic",
                "topics",
                "Topics that matter (three at most)",
                "Sujets importants (trois au plus)",
                required="yes",
                constraint="count-selected(.) <= 3",
                msg_en="Three at most",
                msg_fr="Trois au plus",
            ),
            q(
                "select_one scale",
                "urgency",
                "How urgent?",
                "Quelle urgence ?",
                required="yes",
                appearance="likert",
            ),
            q(
                "integer",
                "budget_share",
                "Share of the budget (%)",
                "Part du budget (%)",
                constraint=". >= 0 and . <= 100",
                msg_en="A percentage",
                msg_fr="Un pourcentage",
            ),
            q(
                "text",
                "approaches",
                "Approaches that work",
                "Approches qui fonctionnent",
                required="yes",
                appearance="multiline",
            ),
            q(
                "date",
                "review_by",
                "Review the strategy by",
                "Revoir la stratégie avant le",
                constraint=". >= today()",
                msg_en="A date to come",
                msg_fr="Une date à venir",
            ),
        ],
    ),
    (
        "services",
        "Services",
        "Services",
        [
            q(
                "select_one yesno",
                "referrals",
                "Do you refer people?",
                "Orientez-vous des personnes ?",
                required="yes",
            ),
            q(
                "integer",
                "referral_count",
                "How many last year?",
                "Combien l'an dernier ?",
                required="yes",
                relevant="${referrals} = 'yes'",
                constraint=". >= 1 and . <= 1000",
                msg_en="Between 1 and 1000",
                msg_fr="Entre 1 et 1000",
            ),
            q(
                "select_multiple group",
                "gaps",
                "Who is poorly served?",
                "Qui est mal servi ?",
            ),
            q(
                "text",
                "gap_detail",
                "What do young people lack?",
                "Que manque-t-il aux jeunes ?",
                relevant="selected(${gaps}, 'youth')",
                appearance="multiline",
            ),
            q(
                "select_one scale",
                "satisfaction",
                "Satisfaction with services",
                "Satisfaction envers les services",
                required="yes",
            ),
            q(
                "integer",
                "partners",
                "Partner organisations",
                "Organismes partenaires",
                constraint=". >= 0 and . <= 200",
                msg_en="Between 0 and 200",
                msg_fr="Entre 0 et 200",
            ),
        ],
    ),
    (
        "final",
        "Last questions",
        "Dernières questions",
        [
            q(
                "select_one channel",
                "contact",
                "How may we follow up?",
                "Comment vous recontacter ?",
                required="yes",
            ),
            q(
                "date",
                "follow_up_date",
                "From which date?",
                "À partir de quelle date ?",
                relevant="${contact} != 'none'",
                constraint=". >= today()",
                msg_en="A date to come",
                msg_fr="Une date à venir",
            ),
            q("text", "comments", "Anything else?", "Autre chose ?", appearance="multiline"),
            q(
                "select_one yesno",
                "recommend",
                "Would you recommend this consultation?",
                "Recommanderiez-vous cette consultation ?",
                required="yes",
            ),
            q(
                "text",
                "recommend_why",
                "Why not?",
                "Pourquoi pas ?",
                required="yes",
                relevant="${recommend} = 'no'",
                appearance="multiline",
            ),
            q(
                "acknowledge",
                "consent",
                "I agree that my answers are used for the report",
                "J'accepte que mes réponses servent au rapport",
                required="yes",
            ),
        ],
    ),
]
PAGE_NAMES = [name for name, _en, _fr, _rows in PAGES]


def form_xlsx() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    survey = book.active
    survey.title = "survey"
    survey.append(SURVEY_COLUMNS)
    for name, en, fr, rows in PAGES:
        survey.append(["begin_group", name, en, fr])
        for item in rows:
            survey.append([item.get(column, "") for column in SURVEY_COLUMNS])
        survey.append(["end_group"])
    choices = book.create_sheet("choices")
    choices.append(["list_name", "name", f"label::{EN}", f"label::{FR}"])
    for list_name, names in CHOICE_LISTS.items():
        for choice in names:
            label = choice.upper() if list_name == "province" else choice.capitalize()
            choices.append([list_name, choice, label, f"{label} (fr)"])
    settings = book.create_sheet("settings")
    settings.append(["form_title", "form_id", "version"])
    settings.append(["Benchmark: 30 questions", "bench30", "1"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# Answers ----------------------------------------------------------------------------------------

TEXTS = [
    "More shelter places, especially in the North.",
    "Les refuges ferment la nuit ;\r\nil faut des places 24 h sur 24.",
    "Joint training for police and NGOs — it works.",
    "Formation commune police–ONG, interprètes, suivi à long terme 🙂",
    "  Survivors should be paid for their expertise.  ",
    "Moins de paperasse,\r\nplus de temps avec les personnes.\r\n\r\nMerci.",
]


@dataclass
class Answers:
    """What a respondent types on each page, and what the database must hold afterwards."""

    posted: dict[str, list[tuple[str, str]]] = field(
        default_factory=lambda: {name: [] for name in PAGE_NAMES}
    )
    expected: dict[str, Any] = field(default_factory=dict)

    def one(self, page: str, name: str, value: str, stored: Any = None) -> None:
        self.posted[page].append((name, value))
        self.expected[name] = value if stored is None else stored

    def text(self, page: str, name: str, value: str) -> None:
        # Browsers send CRLF in a textarea; Heard keeps LF and trims.
        self.one(page, name, value, value.replace("\r\n", "\n").strip())

    def many(self, page: str, name: str, picked: list[str], order: list[str]) -> None:
        for value in picked:
            self.posted[page].append((name, value))
        if picked:
            self.expected[name] = [c for c in order if c in picked]  # kept in the list's order


def answers_for(rng: random.Random, today: date) -> Answers:
    """Valid answers, varied. A question that an answer brings in on the same page is always
    answered: the client sends back the `shown` inputs the page was drawn with, as a browser does,
    and Heard shows a page again when a question it did not draw applies and is left empty."""
    a = Answers()

    def past() -> str:
        return (today - timedelta(days=rng.randint(30, 7000))).isoformat()

    def future() -> str:
        return (today + timedelta(days=rng.randint(30, 700))).isoformat()

    role = rng.choice(ROLES)
    a.one("about", "role", role)
    if role == "other":
        a.text("about", "role_other", rng.choice(["Researcher", "Interprète", "Elder"]))
    years = rng.randint(0, 40)
    a.one("about", "years", str(years), years)
    a.one("about", "province", rng.choice(PROVINCES))
    a.many("about", "works_with", rng.sample(GROUPS, rng.randint(1, 3)), GROUPS)
    if rng.random() < 0.6:
        a.one("about", "since", past())

    cases = rng.randint(0, 400)
    a.one("experience", "cases", f" {cases} ", cases)
    training = rng.choice(YESNO)
    a.one("experience", "training", training)
    if training == "yes":
        hours = rng.randint(1, 200)
        a.one("experience", "training_hours", str(hours), hours)
        a.one("experience", "training_date", past())
    if rng.random() < 0.6:
        a.text("experience", "barriers", rng.choice(TEXTS))
    if years >= 10 and rng.random() < 0.5:
        a.text("experience", "senior_view", rng.choice(TEXTS))

    a.one("priorities", "priority", rng.choice(TOPICS))
    a.many("priorities", "topics", rng.sample(TOPICS, rng.randint(1, 3)), TOPICS)
    a.one("priorities", "urgency", rng.choice(SCALE))
    if rng.random() < 0.7:
        share = rng.randint(0, 100)
        a.one("priorities", "budget_share", str(share), share)
    a.text("priorities", "approaches", rng.choice(TEXTS))
    if rng.random() < 0.5:
        a.one("priorities", "review_by", future())

    referrals = rng.choice(YESNO)
    a.one("services", "referrals", referrals)
    if referrals == "yes":
        count = rng.randint(1, 300)
        a.one("services", "referral_count", str(count), count)
    gaps = rng.sample(GROUPS, rng.randint(0, 3))
    a.many("services", "gaps", gaps, GROUPS)
    if "youth" in gaps:
        a.text("services", "gap_detail", rng.choice(TEXTS))
    a.one("services", "satisfaction", rng.choice(SCALE))
    if rng.random() < 0.5:
        partners = rng.randint(0, 200)
        a.one("services", "partners", str(partners), partners)

    contact = rng.choice(CHANNELS)
    a.one("final", "contact", contact)
    if contact != "none":
        a.one("final", "follow_up_date", future())
    if rng.random() < 0.5:
        a.text("final", "comments", rng.choice(TEXTS))
    recommend = rng.choice(YESNO)
    a.one("final", "recommend", recommend)
    if recommend == "no":
        a.text("final", "recommend_why", rng.choice(TEXTS))
    a.one("final", "consent", "OK")
    return a


# A browser, as far as the benchmark needs one --------------------------------------------------


class BenchError(Exception):
    pass


CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SHOWN = re.compile(r'<input type="hidden" name="shown" value="([^"]+)">')
RETRY_STATUSES = {502, 503, 504}  # what nginx answers while a web process is gone


class Browser:
    """One keep-alive connection and a cookie jar; every request is timed.

    With `retries`, a request that got no answer or a 502/503/504 is sent again after a short
    wait, as a person presses the button again: what the fault phase checks is that doing so
    never loses or duplicates anything. The time recorded is the whole wait, retries included."""

    def __init__(self, port: int, timings: list[tuple[str, float]], retries: int = 0) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}
        self.timings = timings
        self.requests = 0
        self.retries = retries
        self.retried = 0
        self._conn: http.client.HTTPConnection | None = None

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _once(
        self, method: str, path: str, body: bytes | None, headers: dict[str, str]
    ) -> tuple[int, Any, bytes]:
        if self._conn is None:
            self._conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
        try:
            self._conn.request(method, path, body=body, headers=headers)
            answer = self._conn.getresponse()
            return answer.status, answer, answer.read()
        except (OSError, http.client.HTTPException):
            self.close()
            raise

    def request(
        self, method: str, path: str, label: str, fields: list[tuple[str, str]] | None = None
    ) -> tuple[int, str, str]:
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if fields is not None:
            body = urlencode(fields).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"http://127.0.0.1:{self.port}"  # as a browser sends with a POST
        started = time.perf_counter()
        for attempt in range(self.retries + 1):
            try:
                status, answer, content = self._once(method, path, body, headers)
            except (OSError, http.client.HTTPException) as error:
                if attempt == self.retries:
                    raise BenchError(f"{method} {path}: {error!r}") from error
            else:
                if status not in RETRY_STATUSES or attempt == self.retries:
                    break
            self.retried += 1
            time.sleep(0.5)
        self.timings.append((label, time.perf_counter() - started))
        self.requests += 1
        for header in answer.msg.get_all("Set-Cookie") or []:
            for name, morsel in http.cookies.SimpleCookie(header).items():
                if morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        location = urlsplit(answer.getheader("Location", "")).path
        return status, location, content.decode("utf-8", errors="replace")

    def expect(
        self,
        method: str,
        path: str,
        label: str,
        status: int,
        location: str | None = None,
        fields: list[tuple[str, str]] | None = None,
    ) -> tuple[str, str]:
        got, where, text = self.request(method, path, label, fields)
        if got != status or (location is not None and where != location):
            snippet = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text))[:400]
            raise BenchError(
                f"{method} {path}: {got} → {where or '-'}, expected {status}"
                f"{' → ' + location if location else ''}: {snippet}"
            )
        return where, text


def csrf(text: str) -> str:
    found = CSRF.search(text)
    if found is None:
        raise BenchError("no CSRF token on the page")
    return found.group(1)


@dataclass
class Outcome:
    index: int
    port: int
    double: bool
    think: tuple[float, float] = (0.0, 0.0)  # seconds a respondent pauses before each form sent
    retries: int = 0
    timings: list[tuple[str, float]] = field(default_factory=list)
    before_submit: int = 0  # requests before the final POST (for the baseline to mirror)
    after_submit: int = 0
    submit_statuses: list[str] = field(default_factory=list)
    retried: int = 0
    error: str = ""
    done: bool = False

    def pause(self, rng: random.Random) -> None:
        low, high = self.think
        if high > 0:
            time.sleep(rng.uniform(low, high))


def respond(outcome: Outcome, link: str, answers: Answers, start: threading.Barrier) -> None:
    browser = Browser(outcome.port, outcome.timings, outcome.retries)
    rng = random.Random(outcome.index)
    try:
        start.wait()
        outcome.pause(rng)  # people open their link at different moments of the burst
        where, _text = browser.expect("GET", link, "link", 302)
        if not re.fullmatch(r"/(en|fr)/questionnaire/", where):
            raise BenchError(f"the link went to {where}")
        home = where
        _where, text = browser.expect("GET", home, "start_view", 200)
        location = f"{home}page/{PAGE_NAMES[0]}/"
        outcome.pause(rng)  # reads the privacy notice
        browser.expect("POST", home, "start", 302, location, [("csrfmiddlewaretoken", csrf(text))])
        for number, name in enumerate(PAGE_NAMES):
            _where, text = browser.expect("GET", location, "page_view", 200)
            after = (
                f"{home}page/{PAGE_NAMES[number + 1]}/"
                if number + 1 < len(PAGE_NAMES)
                else f"{home}check/"
            )
            fields = [
                ("csrfmiddlewaretoken", csrf(text)),
                *[("shown", shown) for shown in SHOWN.findall(text)],
                *answers.posted[name],
                ("action", "continue"),
            ]
            outcome.pause(rng)  # answers the page
            browser.expect("POST", location, "page_save", 302, after, fields)
            location = after
        _where, text = browser.expect("GET", location, "check_view", 200)
        outcome.before_submit = browser.requests
        token = [("csrfmiddlewaretoken", csrf(text))]
        done = f"{home}done/"
        outcome.pause(rng)  # reads the answers over
        if outcome.double:
            # The same form sent twice at once, from a second connection with the same cookies.
            twin = Browser(outcome.port, outcome.timings, outcome.retries)
            twin.cookies = dict(browser.cookies)
            together = threading.Barrier(2)
            results: list[str] = []

            def send(who: Browser) -> None:
                together.wait()
                try:
                    where, _text = who.expect("POST", location, "submit", 302, done, token)
                    results.append(where)
                except BenchError as error:
                    results.append(f"error: {error}")

            other = threading.Thread(target=send, args=(twin,), daemon=True)
            other.start()
            send(browser)
            other.join(REQUEST_TIMEOUT * 2)
            twin.close()
            outcome.retried += twin.retried
            outcome.submit_statuses = results
            failed = [r for r in results if r != done]
            if len(results) != 2 or failed:
                raise BenchError(f"double submission: {results}")
        else:
            browser.expect("POST", location, "submit", 302, done, token)
            outcome.submit_statuses = [done]
        count = browser.requests
        _where, text = browser.expect("GET", done, "done_view", 200)
        outcome.after_submit = browser.requests - count
        outcome.done = True
    except BenchError as error:
        outcome.error = str(error)
    except threading.BrokenBarrierError:
        outcome.error = "never started"
    finally:
        outcome.retried += browser.retried
        browser.close()


def hammer(outcome: Outcome, shape: Outcome, start: threading.Barrier) -> None:
    """The baseline client: the same number of requests as respondent `shape`, the same pair."""
    browser = Browser(outcome.port, outcome.timings)
    seq = iter(range(1, 1000))

    def insert(who: Browser) -> None:
        fields = [("client", str(outcome.index)), ("seq", str(next(seq)))]
        who.expect("POST", "/minimal/", "insert", 200, fields=fields)

    try:
        start.wait()
        for _n in range(shape.before_submit):
            insert(browser)
        if shape.double:
            twin = Browser(outcome.port, outcome.timings)
            together = threading.Barrier(2)
            errors: list[str] = []

            def send(who: Browser) -> None:
                together.wait()
                try:
                    insert(who)
                except BenchError as error:
                    errors.append(str(error))

            other = threading.Thread(target=send, args=(twin,), daemon=True)
            other.start()
            send(browser)
            other.join(REQUEST_TIMEOUT * 2)
            twin.close()
            if errors:
                raise BenchError("; ".join(errors))
        else:
            insert(browser)
        for _n in range(shape.after_submit):
            insert(browser)
        outcome.done = True
    except BenchError as error:
        outcome.error = str(error)
    except threading.BrokenBarrierError:
        outcome.error = "never started"
    finally:
        browser.close()


def run_clients(
    label: str,
    outcomes: list[Outcome],
    target: Any,
    args: list[tuple[Any, ...]],
    cluster: Any,
    faults: list[tuple[float, str]] | None = None,
    killed: list[tuple[str, float, int]] | None = None,
) -> float:
    """Start every client together; the seconds from the start until the last one finished.
    `faults`: (seconds after the start, "web" or "worker") to kill with SIGKILL meanwhile; the
    cluster's supervisor starts them again, as systemd would. `killed` gets, for each, the
    kind, the moment and how many emails were still queued or being sent."""
    killed = [] if killed is None else killed
    start = threading.Barrier(len(outcomes) + 1)
    threads = [
        threading.Thread(target=target, args=(o, *extra, start), daemon=True, name=f"{label}-{i}")
        for i, (o, extra) in enumerate(zip(outcomes, args, strict=True))
    ]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    deadline = began + TIMEOUT
    last_report = began
    pending = sorted(faults or [])
    while any(t.is_alive() for t in threads):
        now = time.perf_counter()
        if now > deadline:
            raise BenchError(f"{label}: not finished after {TIMEOUT:.0f} s")
        while pending and now - began >= pending[0][0]:
            _at, kind = pending.pop(0)
            victims = cluster.web if kind == "web" else cluster.workers
            cluster.kill(victims[0])
            killed.append((kind, round(now - began, 1), unsent_email()))
        cluster.supervise_once()
        time.sleep(0.1)
        if now - last_report >= 5:
            last_report = now
            finished = sum(1 for o in outcomes if o.done)
            failed = sum(1 for o in outcomes if o.error)
            requests = sum(len(o.timings) for o in outcomes)
            print(
                f"  {label}: {now - began:5.1f} s, {requests} requests, "
                f"{finished}/{len(outcomes)} clients done, {failed} failed",
                flush=True,
            )
    return time.perf_counter() - began


# Servers: the local cluster of deploy/cluster.py ------------------------------------------------


def start_cluster(env: dict[str, str], var: Path, workers: int, settings: str = "") -> Any:
    """nginx in front of PROCESSES `heard serve` processes (of Heard, or of the baseline's
    settings), and `workers` workers: deploy/cluster.py, as `make cluster` starts it."""
    from deploy.cluster import Cluster, ClusterError

    port, *web_ports = free_ports(PROCESSES + 1)
    if settings:
        env = {**env, "DJANGO_SETTINGS_MODULE": settings}
    cluster = Cluster(
        env=env,
        var=var,
        port=port,
        web_ports=web_ports,
        workers=workers,
        threads=THREADS,
        server=SERVER,
        say=False,
    )
    try:
        cluster.start()
    except ClusterError as error:
        cluster.stop()
        raise BenchError(f"the cluster did not start: {error}") from error
    return cluster


def _cpu_of(pid: int) -> float:
    """CPU seconds (user + system) a process has used, from /proc; 0 if it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_snapshot(cluster: Any) -> dict[str, float]:
    """CPU seconds used so far by the web processes, nginx, PostgreSQL's server processes and
    this process (the clients): where a phase's time goes, on a machine whose cores they share."""
    found = {"web": 0.0, "nginx": 0.0, "postgres": 0.0}
    web = {child.pid for child in cluster.web if child.pid}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        pid = int(entry.name)
        try:
            name = (entry / "comm").read_text().strip()
        except OSError:
            continue
        if pid in web:
            found["web"] += _cpu_of(pid)
        elif name == "nginx" and cluster.nginx.pid in (pid, _parent(pid)):
            found["nginx"] += _cpu_of(pid)
        elif name == "postgres":
            found["postgres"] += _cpu_of(pid)
    times = os.times()
    found["clients"] = times.user + times.system
    return found


def _parent(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return 0


def cpu_per_request(before: dict[str, float], after: dict[str, float], requests: int) -> dict:
    """Milliseconds of CPU per request, by kind of process."""
    return {k: round(1000 * (after[k] - before[k]) / requests, 2) for k in before}


def log_problems(cluster: Any) -> tuple[int, int]:
    """(error lines, waitress "Task queue depth" warnings) in the web processes' logs."""
    errors = queued = 0
    for child in cluster.web:
        for line in child.log.read_text(errors="replace").splitlines():
            if " ERROR " in line or "Traceback" in line:
                errors += 1
            if "Task queue depth" in line:
                queued += 1
    return errors, queued


def phase(
    label: str,
    cluster: Any,
    outcomes: list[Outcome],
    target: Any,
    args: list[tuple[Any, ...]],
    faults: list[tuple[float, str]] | None = None,
    killed: list[tuple[str, float, int]] | None = None,
) -> tuple[float, int, dict[str, float]]:
    """Run the clients against a started cluster: (seconds, waitress queue warnings, CPU
    milliseconds per request by kind of process)."""
    logs = cluster.var / "logs"
    before = cpu_snapshot(cluster)
    seconds = run_clients(label, outcomes, target, args, cluster, faults, killed)
    cpu = cpu_per_request(before, cpu_snapshot(cluster), len(timings(outcomes)))
    errors, queued = log_problems(cluster)
    failed = [o for o in outcomes if not o.done]
    for o in failed[:10]:
        print(f"  {label} client {o.index}: {o.error}", file=sys.stderr)
    if failed or (errors and not faults):
        for child in cluster.web:
            print(f"--- {child.log}\n{tail(child.log, 15)}", file=sys.stderr)
        raise BenchError(
            f"{label}: {len(failed)} of {len(outcomes)} clients failed, {errors} error lines "
            f"logged (logs in {logs})"
        )
    return seconds, queued, cpu


# Email: a real SMTP server on the loopback that takes its time --------------------------------


class SlowSink:
    """Counts every message the workers deliver, by Message-ID; each takes SINK_DELAY seconds,
    as a relay across a network does, so that delivery is still going on when a worker dies."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.received: Counter[str] = Counter()
        self._lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        import asyncio

        await asyncio.sleep(self.delay)
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self._lock:
            self.received[str(parsed["Message-ID"])] += 1
        return "250 OK"


def start_sink(delay: float) -> tuple[Any, SlowSink]:
    import logging

    from aiosmtpd.controller import Controller

    logging.getLogger("mail.log").setLevel(logging.WARNING)  # a line per SMTP command otherwise
    sink = SlowSink(delay)
    controller = Controller(sink, hostname="127.0.0.1", port=free_ports(1)[0])
    controller.start()
    return controller, sink


def email_checks(sink: SlowSink) -> dict[str, int]:
    """Every invitation delivered once, or left *uncertain* (never sent again); none twice."""
    from heard.notify.models import Message, State

    messages = Message.objects.filter(kind="questionnaire-invitation")
    states = Counter(messages.values_list("state", flat=True))
    sent_ids = set(messages.filter(state=State.SENT).values_list("message_id", flat=True))
    twice = sum(1 for count in sink.received.values() if count > 1)
    missing = len(sent_ids - set(sink.received))
    checks = {
        "emails": messages.count(),
        "emails_sent": states.get(State.SENT, 0),
        "emails_uncertain": states.get(State.UNCERTAIN, 0),
        "emails_received": sum(sink.received.values()),
        "emails_received_twice": twice,
        "emails_marked_sent_not_received": missing,
    }
    left = checks["emails"] - checks["emails_sent"] - checks["emails_uncertain"]
    if twice or missing or left:
        raise BenchError(f"email: {checks}, {left} neither sent nor uncertain ({dict(states)})")
    return checks


def unsent_email() -> int:
    from heard.notify.models import Message, State

    return Message.objects.filter(state__in=[State.QUEUED, State.SENDING]).count()


def wait_for_email(cluster: Any, seconds: float) -> None:
    """Let the workers finish the queue (the killed one has been started again)."""
    from heard.notify.models import Message, State

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        cluster.supervise_once()
        busy = Message.objects.filter(
            kind="questionnaire-invitation", state__in=[State.QUEUED, State.SENDING]
        ).exists()
        if not busy:
            return
        time.sleep(0.5)
    raise BenchError(f"email still queued or being sent after {seconds:.0f} s")


# Figures ----------------------------------------------------------------------------------------


def percentiles(values: list[float]) -> dict[str, float]:
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return {
        "p50_ms": round(cuts[49] * 1000, 1),
        "p95_ms": round(cuts[94] * 1000, 1),
        "p99_ms": round(cuts[98] * 1000, 1),
    }


def timings(outcomes: list[Outcome], *labels: str) -> list[float]:
    return [s for o in outcomes for label, s in o.timings if not labels or label in labels]


# Setup ------------------------------------------------------------------------------------------


@dataclass
class Setup:
    questionnaire: Any
    links: list[str]  # personal link paths, /q/<token>/, one per person
    languages: list[str]  # each link's respondent's language
    figures: dict[str, float]

    def group(self, number: int) -> tuple[list[str], list[str]]:
        """The links (and languages) of the number-th group of CLIENTS respondents."""
        part = slice(number * CLIENTS, (number + 1) * CLIENTS)
        return self.links[part], self.languages[part]


def token_of(link: str) -> str:
    return link.strip("/").rsplit("/", 1)[-1]


def prepare(public_url: str, people_count: int) -> Setup:
    """Everything the respondents need, made through Heard's own services."""
    from django.core.management import call_command
    from django.utils import timezone

    from heard.cli import load_everything
    from heard.core.crypto import blind_index
    from heard.core.tokens import token_hash
    from heard.notify.models import Message
    from heard.questionnaires import services
    from heard.questionnaires.models import Respondent
    from heard.stakeholders.fictional import people
    from heard.stakeholders.models import Person, Sector

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrated = time.perf_counter() - started
    call_command("collectstatic", interactive=False, verbosity=0)
    demo = ROOT / "heard" / "examples" / "human-trafficking-2018"
    consultation = load_everything(demo)[0].consultation
    now = timezone.now()
    questionnaire = services.create_questionnaire(
        actor=None,
        consultation=consultation,
        title_en="Benchmark questionnaire",
        title_fr="Questionnaire de mesure",
        privacy_notice_en="We use your answers to write the report.",
        privacy_notice_fr="Nous utilisons vos réponses pour rédiger le rapport.",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=30),
    )
    services.upload_form(
        actor=None, questionnaire=questionnaire, data=form_xlsx(), filename="bench30.xlsx"
    )
    sectors = {s.key: s for s in Sector.objects.filter(consultation=consultation)}
    made = Person.objects.bulk_create(
        Person(
            consultation=consultation,
            name=row["name"],
            email=row["email"],
            email_index=blind_index(row["email"]),
            language=row["language"],
            region=row["region"],
            sector=sectors.get(row["sector"]),
        )
        for row in people(people_count, seed=200)
    )
    started = time.perf_counter()
    report = services.invite(actor=None, questionnaire=questionnaire, people=made)
    invited = time.perf_counter() - started
    assert report.invited == people_count, report
    links = []
    pattern = re.compile(re.escape(public_url) + r"(/q/[A-Za-z0-9_-]+/)")
    for message in Message.objects.filter(kind="questionnaire-invitation").order_by("id"):
        # The payload is a whole RFC 5322 message: read its text as a mail client would, so that
        # a transfer encoding cannot cut a link in two.
        parsed = email.message_from_string(message.payload, policy=email.policy.default)
        text = "".join(
            part.get_content() for part in parsed.walk() if part.get_content_type() == "text/plain"
        )
        links.extend(dict.fromkeys(pattern.findall(text)))  # each message holds its link once
    assert len(links) == people_count == len(set(links)), f"{len(links)} links for {people_count}"
    language = dict(
        Respondent.objects.filter(questionnaire=questionnaire).values_list("token_hash", "language")
    )
    return Setup(
        questionnaire,
        links,
        [language[token_hash(token_of(link))] for link in links],
        {"migrate_seconds": round(migrated, 1), "invite_seconds": round(invited, 1)},
    )


def verify(
    setup: Setup, links: list[str], languages: list[str], expected: list[dict[str, Any]]
) -> dict[str, int]:
    """What the database holds for these respondents after the run; BenchError for any response
    lost, duplicated or holding other answers than were sent."""
    from heard.core.models import AuditEvent
    from heard.core.tokens import token_hash
    from heard.questionnaires.form import Form
    from heard.questionnaires.models import Respondent, ResponseState

    questionnaire = setup.questionnaire
    form = Form(questionnaire.current_version.definition)
    hashes = [token_hash(token_of(link)) for link in links]
    respondents = {
        r.token_hash: r
        for r in Respondent.objects.filter(
            questionnaire=questionnaire, token_hash__in=hashes
        ).select_related("response")
    }
    responses = [getattr(r, "response", None) for r in respondents.values()]
    response_ids = {str(r.pk) for r in responses if r is not None}
    event_targets = list(
        AuditEvent.objects.filter(
            action="questionnaire.response_submitted", target_id__in=response_ids
        ).values_list("target_id", flat=True)
    )
    by_state = Counter(r.state for r in responses if r is not None)
    problems: list[str] = []
    matching = 0
    for hashed, wanted, language in zip(hashes, expected, languages, strict=True):
        respondent = respondents.get(hashed)
        response = getattr(respondent, "response", None)
        if response is None:
            problems.append(f"respondent {getattr(respondent, 'pk', '?')}: no response")
            continue
        if response.state != ResponseState.SUBMITTED or response.submitted_at is None:
            problems.append(f"response {response.pk}: {response.state}")
        if response.language != language:
            problems.append(f"response {response.pk}: in {response.language}, not {language}")
        answers = response.answers  # decrypted here, with the keys the servers used
        broken = form.problems(answers, language)  # every required answer there, every rule kept
        if answers != wanted:
            diff = sorted(k for k in set(answers) | set(wanted) if answers.get(k) != wanted.get(k))
            problems.append(f"response {response.pk}: answers differ on {diff}")
        elif broken:
            problems.append(f"response {response.pk}: {broken}")
        else:
            matching += 1
    checks = {
        "responses": len(response_ids),
        "submitted": by_state.get(ResponseState.SUBMITTED, 0),
        "drafts": by_state.get(ResponseState.DRAFT, 0),
        "answers_as_sent": matching,
        "submitted_events": len(event_targets),
        "distinct_event_targets": len(set(event_targets)),
    }
    count = len(links)
    if checks["responses"] != count or checks["submitted"] != count or checks["drafts"]:
        problems.append(f"responses by state: {dict(by_state)}")
    if len(event_targets) != count or set(event_targets) != response_ids:
        problems.append(
            f"{len(event_targets)} submission events for {len(set(event_targets))} responses"
        )
    if problems:
        raise BenchError("the database does not hold what was sent:\n  " + "\n  ".join(problems))
    return checks


# The public page ---------------------------------------------------------------------------------


def public_phase(env: dict[str, str], var: Path, setup: Setup) -> tuple[dict[str, Any], str]:
    """The consultation's public page against a static file, through the same nginx and web
    processes, with bench/public_page.py's clients (separate processes, raw keep-alive
    connections, so that the clients' own speed is not what is measured): requests/s of each,
    in interleaved rounds."""
    from types import SimpleNamespace

    from bench import public_page

    slug = setup.questionnaire.consultation.slug_en
    page, static = f"/en/consultations/{slug}/", "/static/heard/css/site.css"
    cluster = start_cluster(env, var, workers=0)
    try:
        # run_kind spreads connections over `servers` and reads their CPU: all through nginx.
        servers = [SimpleNamespace(port=cluster.port, process=c.process) for c in cluster.web]
        requests = {}
        for kind, path in (("page", page), ("static", static)):
            status, _headers, body = public_page.fetch(cluster.port, path, {})
            if status != 200:
                raise BenchError(f"{path}: {status}")
            expect = {"status": 200, "length": len(body)}
            requests[kind] = (public_page.raw_request(path, {}), expect)
        _status, page_headers, _body = public_page.fetch(cluster.port, page, {})
        if "etag" not in page_headers:
            raise BenchError(f"the public page has no ETag: {page_headers}")
        for kind in requests:
            public_page.run_kind(servers, *requests[kind], total=public_page.WARM_UP)
        turns: dict[str, list[Any]] = {kind: [] for kind in requests}
        for _round in range(PUBLIC_ROUNDS):
            for kind in requests:
                turns[kind].append(public_page.run_kind(servers, *requests[kind], PUBLIC_REQUESTS))
    finally:
        cluster.stop()
    rps = {k: len(t) * PUBLIC_REQUESTS / sum(turn.wall for turn in t) for k, t in turns.items()}
    rounds = [
        round((PUBLIC_REQUESTS / p.wall) / (PUBLIC_REQUESTS / s.wall), 2)
        for p, s in zip(turns["page"], turns["static"], strict=True)
    ]
    latency = {
        k: percentiles([ms / 1000 for turn in t for ms in turn.ms]) for k, t in turns.items()
    }
    figures = {
        "public_requests_each": PUBLIC_ROUNDS * PUBLIC_REQUESTS,
        "public_page_requests_per_second": round(rps["page"], 1),
        "public_static_requests_per_second": round(rps["static"], 1),
        "public_page_vs_static": round(rps["page"] / rps["static"], 2),
        "public_rounds_page_vs_static": rounds,
        **{f"public_page_{k}": v for k, v in latency["page"].items()},
        **{f"public_static_{k}": v for k, v in latency["static"].items()},
    }
    text = (
        f"public page through nginx, {public_page.CONNECTIONS} keep-alive connections, "
        f"{PUBLIC_ROUNDS} × {PUBLIC_REQUESTS} requests of each: page {rps['page']:.0f} "
        f"requests/s, static file {rps['static']:.0f}: {rps['page'] / rps['static']:.2f}× "
        f"(each round: {', '.join(f'{r:.2f}' for r in rounds)}; target ≥ 0.8×)"
        + line("page", latency["page"])
        + line("static file", latency["static"])
    )
    return figures, text


# The run ----------------------------------------------------------------------------------------


def refusal(url: str) -> str:
    """Why the benchmark will not run against this DATABASE_URL, or ''."""
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql", "pgsql"):
        return (
            "this benchmark measures several web processes writing at once, which needs "
            "PostgreSQL (SQLite takes one writer at a time). Run it with\n"
            "  DATABASE_URL=postgres://postgres@127.0.0.1:5432/heard_bench "
            ".venv/bin/python bench/questionnaire_200.py"
        )
    name = parts.path.lstrip("/")
    if "bench" not in name:
        return (
            f"the database “{name}” would be dropped and created again: use one whose name "
            "contains “bench”, e.g. heard_bench."
        )
    unknown = set(PHASES) - {"capacity", "paced", "faults", "public"}
    if unknown:
        return (
            f"BENCH_PHASES: unknown {', '.join(sorted(unknown))} (capacity, paced, faults, public)"
        )
    return ""


def respondents_for(group: int, port: int, think: tuple[float, float], retries: int = 0) -> Any:
    return [
        Outcome(
            group * CLIENTS + n,
            port,
            double=n % DOUBLE_EVERY == DOUBLE_EVERY - 1,
            think=think,
            retries=retries,
        )
        for n in range(CLIENTS)
    ]


def cpu_text(cpu: dict[str, float]) -> str:
    return ", ".join(f"{kind} {ms:.2f}" for kind, ms in cpu.items())


def line(label: str, figures: dict[str, float]) -> str:
    return (
        f"\n  {label:<14} p50 {figures['p50_ms']:7.1f} ms   p95 {figures['p95_ms']:7.1f} ms"
        f"   p99 {figures['p99_ms']:7.1f} ms"
    )


def main() -> int:
    url = os.environ.get("DATABASE_URL", "")
    refused = refusal(url)
    if refused:
        print(f"questionnaire_200: {refused}", file=sys.stderr)
        return 2
    # SIGTERM (a CI timeout, say) goes through the `finally` blocks, so no server outlives us.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(143))
    from deploy.cluster import environment, find_nginx

    find_nginx()  # a clear message now rather than after the setup
    workdir = Path(tempfile.mkdtemp(prefix="heard-bench-q200-"))
    var = workdir / "cluster"
    var.mkdir()
    controller, sink = start_sink(SINK_DELAY)
    public_url = "http://127.0.0.1:8080"  # only in the emails: the clients read the links' paths
    env = environment(
        var,
        8080,
        url,
        {
            "HEARD_PUBLIC_URL": public_url,
            "HEARD_EMAIL_URL": f"smtp://127.0.0.1:{controller.port}",
            "PYTHONPATH": str(ROOT),
            "HEARD_SECOND_FACTOR_ROLES": "",
        },
    )
    os.environ.update(env)
    # This process migrates for both: Heard's tables and the baseline's.
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.minimal.settings"
    print(f"Resetting the database {urlsplit(url).path.lstrip('/')}…", flush=True)
    reset_database(url)
    import django

    django.setup()
    from django.db import connection

    from bench.minimal.models import Hit

    groups = {name: number for number, name in enumerate(RESPONDENT_GROUPS)}
    setup = prepare(public_url, max(1, CLIENTS * len(groups)))
    today = date.today()
    plans = [answers_for(random.Random(n), today) for n in range(max(1, CLIENTS * len(groups)))]
    print(
        f"Ready: {len(setup.links)} personal links to a 30-question form on {len(PAGES)} pages "
        f"({setup.languages.count('fr')} in French), {CLIENTS} respondents per phase; migrate "
        f"{setup.figures['migrate_seconds']} s, invitations {setup.figures['invite_seconds']} s.",
        flush=True,
    )
    result: dict[str, Any] = {
        "date": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "commit": subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip(),
        "database": f"postgresql {connection.pg_version // 10000}",
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "server": f"nginx → {SERVER}, deploy/cluster.py",
        "processes": PROCESSES,
        "threads_per_process": THREADS,
        "clients": CLIENTS,
        "questions": sum(len(rows) for *_labels, rows in PAGES),
        "phases": PHASES,
        **setup.figures,
    }
    summary: list[str] = []
    checks: dict[str, Any] = {}

    def group(name: str) -> tuple[list[str], list[str], list[Answers]]:
        links, languages = setup.group(groups[name])
        part = slice(groups[name] * CLIENTS, (groups[name] + 1) * CLIENTS)
        return links, languages, plans[part]

    try:
        if "capacity" in groups:
            links, languages, answers = group("capacity")
            first_links, first_languages, first_answers = group("capacity-first")
            cluster = start_cluster(env, var / "capacity", workers=0)
            first = respondents_for(groups["capacity-first"], cluster.port, (0.0, 0.0))
            respondents = respondents_for(groups["capacity"], cluster.port, (0.0, 0.0))
            print(
                f"Capacity: {CLIENTS} respondents at once, no pause, through nginx to {PROCESSES}"
                f" `heard serve` processes ({THREADS} threads each), twice: a first round on "
                "fresh processes, then the round measured…",
                flush=True,
            )
            try:
                first_seconds, _queued, first_cpu = phase(
                    "respondents (first round)",
                    cluster,
                    first,
                    respond,
                    [(first_links[n], first_answers[n]) for n in range(CLIENTS)],
                )
                seconds, queued, cpu = phase(
                    "respondents",
                    cluster,
                    respondents,
                    respond,
                    [(links[n], answers[n]) for n in range(CLIENTS)],
                )
            finally:
                cluster.stop()
            checks["capacity-first"] = verify(
                setup, first_links, first_languages, [a.expected for a in first_answers]
            )
            checks["capacity"] = verify(setup, links, languages, [a.expected for a in answers])
            # The baseline mirrors each respondent: as many requests, the same pair sent at once;
            # a first round on fresh processes too, then the round measured.
            cluster = start_cluster(env, var / "baseline", 0, settings="bench.minimal.settings")
            first_baseline = [Outcome(r.index, cluster.port, r.double) for r in first]
            baseline = [Outcome(r.index, cluster.port, r.double) for r in respondents]
            print(f"Baseline: {CLIENTS} clients, a view that inserts one row, same setup, twice…")
            try:
                first_base_seconds, _queued, first_base_cpu = phase(
                    "baseline (first round)",
                    cluster,
                    first_baseline,
                    hammer,
                    [(r,) for r in first],
                )
                base_seconds, base_queued, base_cpu = phase(
                    "baseline", cluster, baseline, hammer, [(r,) for r in respondents]
                )
            finally:
                cluster.stop()
            requests, base_requests = len(timings(respondents)), len(timings(baseline))
            first_requests = len(timings(first))
            first_base_requests = len(timings(first_baseline))
            hits = Hit.objects.count()
            if hits != base_requests + first_base_requests or base_requests != requests:
                raise BenchError(
                    f"baseline: {hits} rows for {base_requests + first_base_requests} requests "
                    f"(respondents: {requests})"
                )
            first_rps = first_requests / first_seconds
            first_base_rps = first_base_requests / first_base_seconds
            everything = percentiles(timings(respondents))
            floor = percentiles(timings(baseline))
            rps, base_rps = requests / seconds, base_requests / base_seconds
            result.update(
                {
                    "requests": requests,
                    "seconds": round(seconds, 1),
                    "requests_per_second": round(rps, 1),
                    "submissions_per_second": round(CLIENTS / seconds, 2),
                    **{f"all_{k}": v for k, v in everything.items()},
                    **{
                        f"page_save_{k}": v
                        for k, v in percentiles(timings(respondents, "page_save")).items()
                    },
                    **{
                        f"submit_{k}": v
                        for k, v in percentiles(timings(respondents, "submit")).items()
                    },
                    "baseline_requests": base_requests,
                    "baseline_seconds": round(base_seconds, 1),
                    "baseline_requests_per_second": round(base_rps, 1),
                    **{f"baseline_{k}": v for k, v in floor.items()},
                    "throughput_vs_baseline": round(rps / base_rps, 3),
                    "p95_vs_baseline": round(everything["p95_ms"] / floor["p95_ms"], 1),
                    "waitress_queue_warnings": queued,
                    "baseline_waitress_queue_warnings": base_queued,
                    "cpu_ms_per_request": cpu,
                    "baseline_cpu_ms_per_request": base_cpu,
                    "first_round": {
                        "requests_per_second": round(first_rps, 1),
                        "baseline_requests_per_second": round(first_base_rps, 1),
                        "throughput_vs_baseline": round(first_rps / first_base_rps, 3),
                        "cpu_ms_per_request": first_cpu,
                        "baseline_cpu_ms_per_request": first_base_cpu,
                    },
                }
            )
            summary.append(
                f"capacity, {CLIENTS} respondents with no pause: {requests} requests in "
                f"{seconds:.1f} s = {rps:.1f} requests/s, {CLIENTS / seconds:.2f} submissions/s"
                + line("every request", everything)
                + f"\n  baseline, one INSERT: {base_requests} requests in {base_seconds:.1f} s = "
                f"{base_rps:.1f} requests/s"
                + line("every request", floor)
                + f"\n  CPU per request (ms): {cpu_text(cpu)}; baseline: {cpu_text(base_cpu)}"
                + f"\n  respondents get {rps / base_rps:.2f}× the baseline's throughput "
                f"(target ≥ 0.5×), at {result['p95_vs_baseline']}× its p95"
                + f"\n  first round, on fresh processes: {first_rps:.1f} requests/s against the "
                f"baseline's {first_base_rps:.1f}, {first_rps / first_base_rps:.2f}×; CPU per "
                f"request (ms): {cpu_text(first_cpu)}; baseline: {cpu_text(first_base_cpu)}"
            )
        if "paced" in groups:
            links, languages, answers = group("paced")
            cluster = start_cluster(env, var / "paced", workers=0)
            paced = respondents_for(groups["paced"], cluster.port, THINK)
            print(
                f"Paced: {CLIENTS} respondents at once, each pausing {THINK[0]:g}–{THINK[1]:g} s "
                "before each form it sends…",
                flush=True,
            )
            try:
                seconds, queued, _cpu = phase(
                    "paced",
                    cluster,
                    paced,
                    respond,
                    [(links[n], answers[n]) for n in range(CLIENTS)],
                )
            finally:
                cluster.stop()
            checks["paced"] = verify(setup, links, languages, [a.expected for a in answers])
            saves = percentiles(timings(paced, "page_save"))
            submits = percentiles(timings(paced, "submit"))
            everything = percentiles(timings(paced))
            requests = len(timings(paced))
            result.update(
                {
                    "paced_think_seconds": list(THINK),
                    "paced_requests": requests,
                    "paced_seconds": round(seconds, 1),
                    "paced_requests_per_second": round(requests / seconds, 1),
                    **{f"paced_all_{k}": v for k, v in everything.items()},
                    **{f"paced_page_save_{k}": v for k, v in saves.items()},
                    **{f"paced_submit_{k}": v for k, v in submits.items()},
                    "paced_waitress_queue_warnings": queued,
                }
            )
            summary.append(
                f"paced, {CLIENTS} respondents pausing {THINK[0]:g}–{THINK[1]:g} s before each "
                f"form: {requests} requests in {seconds:.1f} s = {requests / seconds:.1f} "
                "requests/s"
                + line("every request", everything)
                + line("page saves", saves)
                + line("final submit", submits)
                + "\n  (target: p95 < 300 ms for page saves and the final submit)"
            )
        if "faults" in groups:
            links, languages, answers = group("faults")
            cluster = start_cluster(env, var / "faults", workers=2)
            faulty = respondents_for(groups["faults"], cluster.port, THINK, retries=10)
            kills = [(FAULT_AT[0], "worker"), (FAULT_AT[1], "web")]
            killed: list[tuple[str, float, int]] = []
            print(
                f"Faults: {CLIENTS} paced respondents while 2 workers deliver "
                f"{len(setup.links)} invitations; at {FAULT_AT[0]:g} s a worker, at "
                f"{FAULT_AT[1]:g} s a web process is killed with SIGKILL…",
                flush=True,
            )
            try:
                seconds, _queued, _cpu = phase(
                    "faults",
                    cluster,
                    faulty,
                    respond,
                    [(links[n], answers[n]) for n in range(CLIENTS)],
                    faults=kills,
                    killed=killed,
                )
                wait_for_email(cluster, 120)
            finally:
                cluster.stop()
            checks["faults"] = verify(setup, links, languages, [a.expected for a in answers])
            checks["email"] = email_checks(sink)
            restarted = {
                child.name: child.exits
                for child in [*cluster.web, *cluster.workers]
                if child.starts > 1
            }
            if len(restarted) != 2:
                raise BenchError(f"expected one web process and one worker killed: {restarted}")
            retried = sum(o.retried for o in faulty)
            at_kill = {kind: unsent for kind, _at, unsent in killed}
            if not at_kill.get("worker"):
                raise BenchError(
                    "no email was left to send when the worker was killed: raise "
                    "BENCH_SINK_DELAY or lower the first BENCH_FAULT_AT"
                )
            result.update(
                {
                    "faults_killed": sorted(restarted),
                    "faults_email_unsent_at_worker_kill": at_kill["worker"],
                    "faults_client_retries": retried,
                    "faults_seconds": round(seconds, 1),
                }
            )
            summary.append(
                f"faults: killed {' and '.join(sorted(restarted))} (SIGKILL), started again by "
                f"the supervisor ({at_kill['worker']} emails still to send when the worker died); "
                f"{retried} requests sent again by respondents after a 502 or a "
                f"dropped connection\n  {checks['faults']['submitted']}/{CLIENTS} submitted "
                f"exactly once with the answers sent; email: {checks['email']['emails_sent']} "
                f"delivered once, {checks['email']['emails_uncertain']} uncertain (not sent "
                f"again), {checks['email']['emails_received_twice']} received twice"
            )
        if "public" in PHASES:
            figures, text = public_phase(env, var / "public", setup)
            result.update(figures)
            summary.append(text)
    finally:
        controller.stop()
    result["checks"] = checks
    shutil.rmtree(workdir)  # kept only when something failed, for the processes' logs
    with (ROOT / "bench" / "results" / "questionnaire_200.jsonl").open("a") as out:
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
    print(
        f"\n{result['machine']}, {result['database']}, nginx → {PROCESSES} {SERVER} processes × "
        f"{THREADS} threads:\n" + "\n".join(summary),
        flush=True,
    )
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as error:
        print(f"questionnaire_200: FAILED: {error}", file=sys.stderr)
        sys.exit(1)
