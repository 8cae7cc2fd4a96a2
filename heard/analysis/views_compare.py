"""Two finished runs side by side: what changed between them, and why (heard.analysis.comparison).

Everyone on the consultation sees the counts and the reasons; the list of records whose codes
changed (which opens their text) is for leads and analysts only.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from heard.analysis import comparison
from heard.analysis.models import Run
from heard.consultations.access import consultation_for, may_read_answers


@login_required
def compare(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    consultation = consultation_for(request, pk)
    done = Run.objects.filter(consultation=consultation, state=Run.State.DONE).defer("summary")
    run = get_object_or_404(done, number=number)
    others = [other for other in done.order_by("-number") if other.number != run.number]
    chosen = request.GET.get("with", "")
    if chosen:
        if not chosen.isdigit():
            raise Http404
        other = next((o for o in others if o.number == int(chosen)), None)
        if other is None:
            raise Http404
    else:
        # By default, the run before this one (or, for the first, the one after it).
        other = next((o for o in others if o.number < run.number), others[-1] if others else None)
    result = None
    if other is not None:
        earlier, later = sorted((run, other), key=lambda r: r.number)
        result = comparison.compare(earlier, later)
    return render(
        request,
        "analysis/compare.html",
        {
            "consultation": consultation,
            "run": run,
            "others": others,
            "other": other,
            "result": result,
            "may_read": may_read_answers(request, consultation),
        },
    )
