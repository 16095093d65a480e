"""Turn domain refusals raised while handling a page into the right error page."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from ceasefire.domain.errors import DomainError, NotFound, NotPermitted

P = ParamSpec("P")


def domain_pages(
    view: Callable[Concatenate[HttpRequest, P], HttpResponse],
) -> Callable[Concatenate[HttpRequest, P], HttpResponse]:
    """Show NotFound as a 404 page, NotPermitted as 403, any other refusal with its status."""

    def wrapper(request: HttpRequest, /, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except NotFound as error:
            raise Http404(error.message) from error
        except NotPermitted as error:
            raise PermissionDenied(error.message) from error
        except DomainError as error:
            context = {"title": "Cannot do that", "message": error.message}
            return render(request, "web/error.html", context, status=error.http_status)

    functools.update_wrapper(wrapper, view)
    return wrapper
