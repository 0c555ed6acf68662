"""`strategy import https://www.gov.uk/...`: a GOV.UK page fetched through the Content API.

Only https addresses on gov.uk are taken; the document is fetched from the Content API
(`https://www.gov.uk/api/content/<path>`), with a time limit and a size limit, and read as any
Content API document is. `$STRATEGY_GOVUK_API` names another API base (a mirror, or a local
server in tests); nothing else is ever contacted.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from strategy_cli.errors import DataError, UsageError
from strategy_cli.store.files import MAX_BYTES

API = "https://www.gov.uk/api/content"
API_VARIABLE = "STRATEGY_GOVUK_API"
TIMEOUT = 15.0
HOSTS = ("gov.uk", "www.gov.uk")


def is_url(text: str) -> bool:
    return text.startswith(("https://", "http://"))


def api_url(page: str) -> str:
    """The Content API address of a GOV.UK page address; refuses anything but https on
    gov.uk."""
    parts = urlsplit(page)
    if parts.scheme != "https" or (parts.hostname or "") not in HOSTS:
        raise UsageError(
            f"only GOV.UK pages can be fetched (https://www.gov.uk/...), not {page!r}",
            hint="save the page and import the file instead",
        )
    path = parts.path.rstrip("/")
    if path.startswith("/api/content/"):
        path = path[len("/api/content") :]
    if not path:
        raise UsageError(f"{page!r} names no page on GOV.UK")
    base = os.environ.get(API_VARIABLE) or API
    return base.rstrip("/") + path


def fetch(page: str) -> str:
    """The Content API document for a GOV.UK page, as text."""
    import urllib.error
    import urllib.request

    from strategy_cli import __version__

    address = api_url(page)
    request = urllib.request.Request(
        address,
        headers={"Accept": "application/json", "User-Agent": f"strategy-cli/{__version__}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            data: bytes = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as error:
        missing = " (is the address right?)" if error.code == 404 else ""
        raise DataError(
            f"GOV.UK answered {error.code} {error.reason} for {address}{missing}"
        ) from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise DataError(
            f"cannot reach {address}: {reason}",
            hint="check the network connection, or save the page in a browser and import the file",
        ) from None
    if len(data) > MAX_BYTES:
        raise DataError(f"the document at {address} is larger than {MAX_BYTES:,} bytes")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise DataError(f"the document at {address} is not UTF-8 text") from None
