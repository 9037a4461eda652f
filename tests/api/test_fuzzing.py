"""The API under attack from its own spec: Schemathesis sends generated requests to every operation of
/api/v1/openapi.json, anonymously and as a job seeker, an employer and an officer (accounts and API tokens made in this
test's database), through all its phases (coverage, fuzzing, stateful sequences along the spec's links) and all its
checks: no server error, status codes, content types, headers and bodies as the spec documents them, valid requests
accepted and invalid ones refused, authentication not ignored. Bounded: a number of examples per operation and round,
and a time per role; under CI the seed is fixed, elsewhere each run explores new cases (its seed is printed)."""
import logging
import os
import threading
from collections import Counter
from dataclasses import dataclass, field

import pytest
import schemathesis
from schemathesis.engine import Status, events, from_schema
from werkzeug.serving import make_server

from jobmatch.services import account as account_service
from tests.factories import make_account, make_application, make_centre, make_employer, make_job_seeker, make_vacancy

ROLES = ("anonymous", "job_seeker", "employer", "officer")
MAX_EXAMPLES = 6  # per operation in each round of fuzzing and of stateful sequences
# Per role. Examples and coverage run once; fuzzing and stateful testing then take rounds until this time is spent,
# the engine sharing it out so that every operation gets its turn (checked below): four roles add about 3.5 minutes.
MAX_TIME_S = 45
# A valid request can still break a rule only the service can check (an unknown place, a deadline already past, a
# vacancy closed meanwhile): the API answers 422 naming the field, documented on every operation that takes input; or
# meet a documented throttle (429).
ACCEPTED_FOR_VALID_REQUESTS = ["2xx", 401, 403, 404, 409, 422, 429]
# Operations that end the token or account they are called with get throwaway ones, so that the rest of the run keeps
# its identity.
SELF_ENDING = (("DELETE", "/api/v1/account/token"), ("DELETE", "/api/v1/job-seekers/me"))


def bearer(account):
    return f"Bearer {account_service.create_api_token(actor=account, name='fuzzing')[1]}"


@pytest.fixture
def world(indexes, programmes):
    """Something real for each role to reach: a centre with its officer, a verified employer with an open vacancy and
    a draft, a job seeker of the centre who applied; and throwaway accounts for the operations that end their own."""
    centre = make_centre(province_code="01")
    employer = make_employer()
    open_vacancy, draft = make_vacancy(employer), make_vacancy(employer, status="draft")
    job_seeker = make_job_seeker(centre_id=centre.id)
    application = make_application(open_vacancy, job_seeker)
    accounts = {
        "job_seeker": make_account("job_seeker", job_seeker_id=job_seeker.id),
        "employer": make_account("employer", employer_id=employer.id),
        "officer": make_account("officer", centre_id=centre.id),
    }
    throwaway = {
        "job_seeker": lambda: make_account("job_seeker", job_seeker_id=make_job_seeker(centre_id=centre.id).id),
        "employer": lambda: make_account("employer", employer_id=employer.id),
        "officer": lambda: make_account("officer", centre_id=centre.id),
    }
    return {
        "tokens": {role: bearer(account) for role, account in accounts.items()},
        "throwaway_tokens": {role: {operation: bearer(make()) for operation in SELF_ENDING} for role, make in throwaway.items()},
        "ids": {
            "vacancy_id": [open_vacancy.id, draft.id], "job_seeker_id": [job_seeker.id], "application_id": [application.id],
            "employer_id": [employer.id], "code": sorted(programmes),
        },
    }


@pytest.fixture
def served(app, world):
    """The app on a real HTTP server, as a client reaches it."""
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def fuzzing_config(world, role):
    """Schemathesis's configuration (the keys of schemathesis.toml) for one role."""
    config = {
        "max-time": MAX_TIME_S,
        "generation": {"max-examples": MAX_EXAMPLES},
        "checks": {"enabled": True, "positive_data_acceptance": {"expected-statuses": ACCEPTED_FOR_VALID_REQUESTS}},
        "phases": {"stateful": {"enabled": True, "max-steps": 10}},
        # Half the ids in paths are ones that exist, so that generated requests reach real rows; the rest are made up.
        "dictionaries": {name: {"values": values} for name, values in world["ids"].items()},
        "parameters": {f"path.{name}": {"dictionary": name, "probability": 0.5} for name in world["ids"]},
    }
    if os.environ.get("CI"):
        config["seed"] = 20261209
    if role != "anonymous":
        config["headers"] = {"Authorization": world["tokens"][role]}
        config["operations"] = [
            {"include-method": method, "include-path": path, "headers": {"Authorization": world["throwaway_tokens"][role][(method, path)]}}
            for method, path in SELF_ENDING
        ]
    return schemathesis.Config.from_dict(config)


@dataclass
class Run:
    """What a Schemathesis run did: operations tested, requests sent, answers by status, and what went wrong."""

    operations: set = field(default_factory=set)
    requests: int = 0
    statuses: Counter = field(default_factory=Counter)
    by_phase: Counter = field(default_factory=Counter)
    seconds_by_phase: Counter = field(default_factory=Counter)
    failures: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    stop_reason: str = ""

    def record(self, event):
        if isinstance(event, events.ScenarioFinished):
            if event.phase.name == "FUZZING" and event.status != Status.SKIP:
                self.operations.add(event.label)
            self.requests += len(event.recorder.interactions)
            self.by_phase[event.phase.name.lower()] += len(event.recorder.interactions)
            self.statuses.update(interaction.response.status_code for interaction in event.recorder.interactions.values()
                                 if interaction.response is not None)
            self.failures += [self._failure(event, case_id, check) for case_id, checks in event.recorder.checks.items()
                              for check in checks if check.status == Status.FAILURE]
        elif isinstance(event, events.NonFatalError | events.FatalError):
            self.errors.append(f"{getattr(event, 'label', '')}: {event.info.format()}"[:2000])
        elif isinstance(event, events.PhaseStarted):
            self.seconds_by_phase[event.phase.name.name.lower()] -= event.timestamp
        elif isinstance(event, events.PhaseFinished):
            self.seconds_by_phase[event.phase.name.name.lower()] += event.timestamp
        elif isinstance(event, events.EngineFinished):
            self.stop_reason = event.stop_reason.value

    @staticmethod
    def _failure(event, case_id, check):
        interaction = event.recorder.interactions.get(case_id)
        request = interaction.request if interaction else None
        answer = interaction.response if interaction else None
        return (f"{event.label} · {check.name}: {check.failure_info.failure.title if check.failure_info else ''}\n"
                f"  {request.method if request else ''} {request.uri if request else ''} {(request.body or b'')[:300] if request else ''}\n"
                f"  → {answer.status_code if answer else ''} {(answer.content or b'')[:300] if answer else ''}")


def spec_operations(schema):
    return {operation.ok().label for operation in schema.get_all_operations()}


@pytest.mark.parametrize("role", ROLES)
def test_every_operation_holds_to_its_spec_under_fuzzing(served, world, role, record_property):
    config = fuzzing_config(world, role)
    schema = schemathesis.openapi.from_url(f"{served}/api/v1/openapi.json", config=config)
    run = Run()
    for event in from_schema(schema).execute():
        run.record(event)
    summary = (f"Schemathesis as {role}: {len(run.operations)} operations, {run.requests} requests, {len(run.failures)} failures, "
               f"{run.statuses.get(500, 0) + sum(n for status, n in run.statuses.items() if status > 500)} server errors "
               f"(answers {dict(sorted(run.statuses.items()))}; requests by phase {dict(run.by_phase)}, seconds "
               f"{ {phase: round(seconds) for phase, seconds in run.seconds_by_phase.items()} }; seed {config.seed})")
    print(summary)
    for name, value in (("operations", len(run.operations)), ("requests", run.requests), ("failures", len(run.failures))):
        record_property(name, value)
    assert run.errors == [], summary
    assert run.failures == [], "\n".join([summary, *run.failures[:20]])
    assert not [status for status in run.statuses if status >= 500], summary
    assert run.stop_reason in ("completed", "max_time") and run.operations == spec_operations(schema), summary
