"""The one place that builds the SDK's API clients (Messaging API and its blob host).

clients = await open_clients(config)   # ... await clients.close()
"""

from __future__ import annotations

import ssl
import urllib.parse
import urllib.request
from dataclasses import dataclass

import aiohttp
from linebot.v3.messaging import (
    AsyncApiClient,
    AsyncMessagingApi,
    AsyncMessagingApiBlob,
    Configuration,
)

from config import Config


@dataclass
class LineClients:
    client: AsyncApiClient
    messaging: AsyncMessagingApi
    blob: AsyncMessagingApiBlob

    async def close(self) -> None:
        await self.client.close()


def line_configuration(config: Config) -> Configuration:
    """SDK configuration; LINE_API_BASE_URL sends every call (content included) there."""
    return Configuration(host=config.line_api_base_url, access_token=config.channel_access_token)


async def open_clients(config: Config) -> LineClients:
    client = AsyncApiClient(line_configuration(config))
    await _session_without_env_lookups(client)
    return LineClients(client, AsyncMessagingApi(client), AsyncMessagingApiBlob(client))


async def _session_without_env_lookups(client: AsyncApiClient) -> None:
    """The SDK opens its aiohttp session with trust_env=True, which costs two thread-pool
    hops on every API call (netrc and proxy lookups): measurable at a few hundred calls a
    second. Use a session with trust_env=False and read the proxy settings once instead."""
    rest = client.rest_client
    old = rest.pool_manager
    conf = client.configuration
    ssl_context = ssl.create_default_context(cafile=conf.ssl_ca_cert)
    if not conf.verify_ssl:
        ssl_context.check_hostname = False
        ssl_context.verify_mode = ssl.CERT_NONE
    connector = aiohttp.TCPConnector(limit=conf.connection_pool_maxsize or 100, ssl=ssl_context)
    rest.pool_manager = aiohttp.ClientSession(connector=connector, trust_env=False)
    if not rest.proxy:
        proxies = urllib.request.getproxies()
        host = urllib.parse.urlsplit(conf.host or "https://api.line.me").hostname or ""
        if not urllib.request.proxy_bypass(host):
            rest.proxy = proxies.get("https") or None
    await old.close()
