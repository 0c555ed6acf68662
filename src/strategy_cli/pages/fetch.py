"""`strategy import https://www.gov.uk/...`: a GOV.UK page fetched through the Content API.

Only https addresses on gov.uk are taken; the document is fetched from the Content API
(`https://www.gov.uk/api/content/<path>`), with a time limit and a size limit, and read as any
Content API document is. `$STRATEGY_GOVUK_API` names another API base (a mirror, or a local
server in tests); nothing else is ever contacted.
"""

from __future__ import annotations

import os
import time
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import SplitResult, quote, urlsplit

from strategy_cli.errors import DataError, UsageError
from strategy_cli.store.files import MAX_BYTES

API = "https://www.gov.uk/api/content"
API_VARIABLE = "STRATEGY_GOVUK_API"
TIMEOUT = 15.0
HOSTS = ("gov.uk", "www.gov.uk")


def is_url(text: str) -> bool:
    return text.lower().startswith(("https://", "http://"))


def api_url(page: str) -> str:
    """The Content API address of a GOV.UK page address; refuses anything but https on
    gov.uk, with no user, password or port, and a path that stays a path (no `..`). A query
    or fragment is left out: the Content API wants the page's path alone."""
    try:
        parts = urlsplit(page)
        port = parts.port
    except ValueError:
        raise UsageError(f"{page!r} is not a web address") from None
    if (
        parts.scheme.lower() != "https"
        or (parts.hostname or "") not in HOSTS
        or parts.username is not None
        or port is not None
    ):
        raise UsageError(
            f"only GOV.UK pages can be fetched (https://www.gov.uk/..., no user, password or"
            f" port), not {page!r}",
            hint="save the page and import the file instead",
        )
    path = parts.path.rstrip("/")
    if path.startswith("/api/content"):
        path = path[len("/api/content") :]
    segments = path.split("/")
    if not path or any(segment in (".", "..") for segment in segments):
        raise UsageError(f"{page!r} names no page on GOV.UK")
    base = os.environ.get(API_VARIABLE) or API
    return base.rstrip("/") + quote(path, safe="/%")


def fetch(page: str) -> str:
    """The Content API document for a GOV.UK page, as text: fetched within TIMEOUT seconds in
    all, at most MAX_BYTES, following a redirect only to the API's own host."""
    from strategy_cli import __version__

    address = api_url(page)
    request = urllib.request.Request(
        address,
        headers={"Accept": "application/json", "User-Agent": f"strategy-cli/{__version__}"},
    )
    opener = urllib.request.build_opener(_SameHost(urlsplit(address)))
    deadline = time.monotonic() + TIMEOUT
    chunks: list[bytes] = []
    try:
        with opener.open(request, timeout=TIMEOUT) as response:
            size = 0
            while chunk := response.read(65536):
                chunks.append(chunk)
                size += len(chunk)
                if size > MAX_BYTES:
                    raise DataError(f"the document at {address} is larger than {MAX_BYTES:,} bytes")
                if time.monotonic() > deadline:
                    raise DataError(
                        f"{address} took longer than {TIMEOUT:g} s to send the document",
                        hint="try again later, or save the page in a browser and import the file",
                    )
    except urllib.error.HTTPError as error:
        missing = " (is the address right?)" if error.code == 404 else ""
        reason = str(error.reason).splitlines()[0] if str(error.reason) else ""
        raise DataError(f"GOV.UK answered {error.code} {reason} for {address}{missing}") from None
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as error:
        reason = str(getattr(error, "reason", error)) or type(error).__name__
        raise DataError(
            f"cannot reach {address}: {reason.splitlines()[0]}",
            hint="check the network connection, or save the page in a browser and import the file",
        ) from None
    try:
        return b"".join(chunks).decode("utf-8")
    except UnicodeDecodeError:
        raise DataError(f"the document at {address} is not UTF-8 text") from None


class _SameHost(urllib.request.HTTPRedirectHandler):
    """Redirects only within the API's own scheme and host: nothing else is contacted."""

    def __init__(self, origin: SplitResult):
        self.origin = origin

    def redirect_request(
        self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str
    ) -> Any:
        target = urlsplit(newurl)
        if (target.scheme, target.netloc) != (self.origin.scheme, self.origin.netloc):
            raise DataError(f"the Content API sent the request elsewhere ({newurl}); not followed")
        return super().redirect_request(req, fp, code, msg, headers, newurl)
