"""Which Prefect API runs talk to, and whether it can schedule."""

from __future__ import annotations

import httpx

from evnews.errors import ConfigError

START_HINT = (
    "start a server with `prefect server start` (SQLite in ~/.prefect by default) and point evnews at it with "
    "`export PREFECT_API_URL=http://127.0.0.1:4200/api`, or set PREFECT_API_URL to your team's server"
)


def configured_api_url() -> str | None:
    """PREFECT_API_URL from the environment or the active Prefect profile."""
    from prefect.settings import get_current_settings

    return get_current_settings().api.url


def require_server() -> str:
    """The API URL of a reachable Prefect server; ConfigError when there is none.

    Without PREFECT_API_URL Prefect runs an ephemeral server inside the
    process, where schedules never fire; serving deployments there would
    look like it works and run nothing.
    """
    url = configured_api_url()
    if not url:
        raise ConfigError(
            "no Prefect server is configured (PREFECT_API_URL is not set): in Prefect's ephemeral mode "
            "schedules never fire, so `evnews serve` would run nothing",
            hint=START_HINT,
        )
    try:
        response = httpx.get(url.rstrip("/") + "/health", timeout=10.0)
        response.raise_for_status()
    except httpx.HTTPError as exc:
        raise ConfigError(
            f"no Prefect server answers at {url}: {exc}",
            hint=START_HINT + "; or unset PREFECT_API_URL to run `evnews trigger` in this process",
        ) from None
    return url
