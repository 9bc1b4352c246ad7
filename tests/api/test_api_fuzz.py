"""The API fuzzed from its own OpenAPI document (issue #14), with schemathesis, against the app on a
live werkzeug server on loopback (as the browser tests run it).

Requests that fit the document and requests that break it (every operation, bearer token with every
scope): no 5xx, the status and the JSON of each answer as the document says, a document that breaks
the schema always refused, and nothing written by a refused POST. The CPU time the server spent per
request is reported, not asserted. Also: the document's ImportDocument is the whole import format, and
every worked case fits it.
"""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

CASES = Path(__file__).resolve().parents[2] / "docs" / "cases"
EXAMPLES = 200 if os.environ.get("CI") else 50
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance,
          negative_data_rejection]


class _CpuPerRequest:
    """WSGI middleware: the server thread's CPU time for each request (the largest is kept)."""

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app
        self.max = 0.0
        self.n = 0

    def __call__(self, environ, start_response):
        start = time.thread_time()
        try:
            yield from self.wsgi_app(environ, start_response)
        finally:
            self.max = max(self.max, time.thread_time() - start)
            self.n += 1


@pytest.fixture(scope="module")
def live_api(make_app):
    from werkzeug.serving import make_server

    app = make_app()
    app.testing = False  # a real server: an error becomes a 500 (which fails), not an exception here
    meter = _CpuPerRequest(app.wsgi_app)
    app.wsgi_app = meter
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", meter
    server.shutdown()
    thread.join(timeout=5)


def test_the_openapi_document_describes_the_whole_import_format():
    import jsonschema_rs

    from workbench.web.api.openapi import openapi_document
    from workbench.formats.import_format import validate as v

    schema = openapi_document()["components"]["schemas"]["ImportDocument"]
    assert set(schema["properties"]) == set(v.ROOT.allowed) and schema["required"] == list(v.ROOT.required)
    assert schema["additionalProperties"] is False
    payment = schema["properties"]["payments"]["anyOf"][0]["items"]
    assert set(payment["properties"]) == set(v.PAYMENT.allowed)
    validator = jsonschema_rs.Draft202012Validator(schema)
    for path in sorted(CASES.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        assert [e.message for e in validator.iter_errors(doc)] == [], path.name
    bad = json.loads((CASES / "D10.json").read_text(encoding="utf-8"))
    bad["work"][0]["hours"] = 1e30
    bad["participant"]["name"] = "N" * 201
    bad["appeal"]["sent"] = "9999-12-31"
    bad["payments"][0]["typo"] = 1
    assert len(list(validator.iter_errors(bad))) == 4


@pytest.mark.slow
def test_the_api_fuzzed_from_its_openapi_document(live_api, api_token, row_counts, capsys):
    from workbench.web.api.openapi import openapi_document
    from workbench.services.api_tokens import SCOPES

    base, meter = live_api
    headers = {"Authorization": f"Bearer {api_token(*SCOPES)}"}
    schema = schemathesis.openapi.from_dict(openapi_document())
    worked = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(CASES.glob("*.json"))]
    post = schema["/cases"]["POST"]
    cases = st.one_of(
        schema.as_strategy(GenerationMode.POSITIVE, headers=headers),  # fits the document
        schema.as_strategy(GenerationMode.NEGATIVE, headers=headers),  # breaks it somewhere
        # a worked case: the schema alone can hardly hit a valid fødselsnummer, so some are accepted
        st.sampled_from(worked).flatmap(lambda doc: post.as_strategy(body=doc, headers=headers)),
    )
    seen = {"requests": 0, "created": [], "statuses": {}}

    def call(case):
        before = row_counts()
        response = case.call(base_url=f"{base}/api/v1", headers=headers, timeout=30)
        case.validate_response(response, checks=CHECKS, headers=headers)
        seen["requests"] += 1
        seen["statuses"][response.status_code] = seen["statuses"].get(response.status_code, 0) + 1
        if case.method == "POST" and response.status_code == 201:
            seen["created"].append(response.json()["id"])
        else:
            assert row_counts() == before, f"{case.method} {case.path} → {response.status_code} wrote something"

    @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(case=cases, data=st.data())
    def run(case, data):
        call(case)
        # then read back a case that exists (once one does): its JSON as the document says. The draws
        # are the same whatever exists, so hypothesis sees one strategy.
        path = data.draw(st.sampled_from(["/cases/{public_id}", "/cases/{public_id}/evaluation"]))
        pick = data.draw(st.integers(0, 1000))
        public_id = seen["created"][pick % len(seen["created"])] if seen["created"] else "0" * 32
        call(data.draw(schema[path]["GET"].as_strategy(path_parameters={"public_id": public_id},
                                                       headers=headers)))

    # every worked case once, first: the fuzz draws them too, but how often is hypothesis' choice, and
    # the reads below want cases that exist
    for doc in worked:
        call(post.Case(body=doc, headers=headers, media_type="application/json"))
    assert len(seen["created"]) == len(worked)
    run()
    with capsys.disabled():
        print(f"\n[schemathesis] {seen['requests']} requests ({len(seen['created'])} cases created; statuses "
              f"{dict(sorted(seen['statuses'].items()))}): no 5xx, no partial write; server CPU per "
              f"request max {meter.max * 1000:.1f} ms")
    assert seen["statuses"].get(422, 0) > 0 and seen["created"]
