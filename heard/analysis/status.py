"""Where a run stands, in one sentence in the page's language: stage, counts and time left."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from heard.analysis.models import Run
from heard.core import jobs
from heard.core.models import Job


def stage_name(stage: str) -> str:
    """The engine's stages (and the job's own), named for people."""
    names = {
        "collecting": _("Gathering the answers and notes"),
        "redact": _("Removing personal information and detecting languages"),
        "campaigns": _("Finding campaigns (copied letters)"),
        "meaning": _("Reading what each answer means"),
        "fitting the coder": _("Learning the codes from the codebook and the reviewed examples"),
        "codes": _("Suggesting codes"),
        "themes": _("Looking for themes"),
        "comparisons": _("Comparing segments"),
        "baseline": _("Reading the earlier consultation"),
        "baseline campaigns": _("Finding campaigns in the earlier consultation"),
        "baseline meaning": _("Reading what each answer of the earlier consultation means"),
        "baseline codes": _("Coding the earlier consultation"),
        "baseline themes": _("Finding the themes in the earlier consultation"),
        "quotes": _("Choosing candidate quotes"),
        "records to code next": _("Choosing the records to review next"),
        "write": _("Writing the results"),
        "storing": _("Saving the results"),
    }
    return names.get(stage, _("Working"))


def _time_left(seconds: int | None) -> str:
    if seconds is None:
        return ""
    if seconds < 60:
        return _("less than a minute left")
    minutes = round(seconds / 60)
    return ngettext("about %(n)s minute left", "about %(n)s minutes left", minutes) % {"n": minutes}


@dataclass(frozen=True)
class RunStatus:
    state: str
    running: bool
    sentence: str
    done: int
    total: int
    cancelling: bool


def run_status(run: Run) -> RunStatus:
    job: Job | None = run.job
    state = run.state
    if job is not None and state in (Run.State.QUEUED, Run.State.RUNNING):
        # The job is the truth while it runs (the run row is written at its start and end).
        if job.state == Job.State.RUNNING:
            state = Run.State.RUNNING
        elif job.state in (Job.State.FAILED, Job.State.CANCELLED):
            state = job.state
    running = state in (Run.State.QUEUED, Run.State.RUNNING)
    done = job.done if job else 0
    total = job.total if job else 0
    cancelling = bool(running and job and job.cancel_requested_at)
    if state == Run.State.QUEUED:
        sentence = _("Waiting for the worker to start…")
    elif state == Run.State.RUNNING and job is not None:
        sentence = stage_name(job.stage) if job.stage else _("Starting…")
        details = []
        if total > 1:
            details.append(
                _("%(done)s of %(total)s") % {"done": f"{done:,}", "total": f"{total:,}"}
            )
        left = _time_left(jobs.seconds_left(job))
        if left:
            details.append(left)
        if details:
            sentence += _(": ") + ", ".join(details)
        if cancelling:
            sentence += " " + _("(stopping…)")
    elif state == Run.State.DONE:
        sentence = _("Finished")
    elif state == Run.State.CANCELLED:
        sentence = _("Cancelled")
    else:
        sentence = _("Failed")
    return RunStatus(state, running, sentence, done, total, cancelling)
