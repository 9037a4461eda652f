"""A production cluster's credentials and CA certificate, set as JOBMATCH_* variables, reach the Elasticsearch client."""
import base64

import certifi
import pytest

from jobmatch import create_app

SETTINGS = ("API_KEY", "USERNAME", "PASSWORD", "CA_CERTS", "URL")


@pytest.mark.parametrize(("environment", "authorization", "ca_certs"), [
    ({}, None, None),  # the project's own node on loopback: no credentials, plain http
    ({"URL": "https://search.example.vn:9243", "API_KEY": "a2V5OnNlY3JldA==", "CA_CERTS": certifi.where()},
     "ApiKey a2V5OnNlY3JldA==", certifi.where()),
    ({"URL": "https://search.example.vn:9243", "USERNAME": "jobmatch", "PASSWORD": "mat-khau-2026", "CA_CERTS": certifi.where()},
     "Basic " + base64.b64encode(b"jobmatch:mat-khau-2026").decode(), certifi.where()),
])
def test_credentials_and_the_ca_certificate_reach_the_client(monkeypatch, environment, authorization, ca_certs):
    for name in SETTINGS:
        monkeypatch.delenv(f"JOBMATCH_ELASTICSEARCH_{name}", raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(f"JOBMATCH_ELASTICSEARCH_{name}", value)
    client = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"}).extensions["search_client"]
    assert client._headers.get("authorization") == authorization
    # Searches go through options() with their own timeout: the credentials go with them.
    assert client.options(request_timeout=1)._headers.get("authorization") == authorization
    [node] = client.transport.node_pool.all()
    assert node.config.ca_certs == ca_certs
    assert node.config.scheme == ("https" if ca_certs else "http")
