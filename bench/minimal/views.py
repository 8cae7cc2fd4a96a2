from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from bench.minimal.models import Hit


# No CSRF token: the floor is one INSERT behind Django's middleware, not a form round trip.
@csrf_exempt
@require_POST
def insert(request: HttpRequest) -> HttpResponse:
    Hit.objects.create(client=int(request.POST["client"]), seq=int(request.POST["seq"]))
    return HttpResponse(b"ok", content_type="text/plain")
