"""A spec without tags gets resources from its paths (issue 12): Stripe's shape, where 470
untagged operations once made one module."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.build import build_api
from generator.config import Settings
from generator.load import load_spec
from generator.operations import FLAT_LIMIT
from generator.paths import path_levels
from generator.targets.python.names import PyNames
from tests.helpers import render_spec

STRIPE_LIKE = {
    "/v1/customers": ["get", "post"],
    "/v1/customers/search": ["get"],
    "/v1/customers/{customer}": ["get", "post", "delete"],
    "/v1/customers/{customer}/sources": ["get", "post"],
    "/v1/customers/{customer}/sources/{id}": ["get", "post", "delete"],
    "/v1/customers/{customer}/sources/{id}/verify": ["post"],
    "/v1/charges": ["get", "post"],
    "/v1/charges/{charge}": ["get", "post"],
    "/v1/charges/{charge}/capture": ["post"],
    "/v1/billing_portal/configurations": ["get", "post"],
    "/v1/billing_portal/configurations/{configuration}": ["get", "post"],
    "/v1/balance": ["get"],
    "/v1/account": ["get"],
}


def test_levels_are_the_collections_of_the_paths() -> None:
    levels = path_levels(STRIPE_LIKE)
    assert levels["/v1/customers/search"] == ("customers",)
    assert levels["/v1/customers/{customer}/sources/{id}/verify"] == ("customers", "sources")
    assert levels["/v1/billing_portal/configurations"] == ("billing_portal", "configurations")
    assert levels["/v1/charges/{charge}/capture"] == ("charges",)
    assert levels["/v1/balance"] == ("balance",)
    assert path_levels(["/", "/{id}"]) == {"/": (), "/{id}": ()}


def _spec(tmp_path: Path) -> Path:
    paths: dict[str, Any] = {}
    for path, methods in STRIPE_LIKE.items():
        words = "".join(p.strip("{}").title() for p in path.split("/")[2:])
        paths[path] = {
            m: {"operationId": f"{m.title()}{words}", "responses": {"200": {"description": "ok"}}}
            for m in methods
        }
    spec = {"openapi": "3.1.0", "info": {"title": "S", "version": "1"}, "paths": paths}
    out = tmp_path / "spec.yaml"
    out.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return out


def test_untagged_operations_become_nested_resources(tmp_path: Path) -> None:
    settings = Settings(spec=_spec(tmp_path), out=tmp_path / "out", package="s_sdk")
    api = build_api(load_spec(settings.spec), settings)
    assert len(api.operations) > FLAT_LIMIT
    names = PyNames(api)
    where = {op.operation_id: f"{names.resource_of(op)}.{names.method(op)}" for op in api.operations}
    assert (
        where["PostCustomersCustomerSourcesIdVerify"]
        == "customers.sources.post_customers_customer_sources_id_verify"
    )
    assert where["GetCustomersSearch"] == "customers.get_customers_search"
    assert where["GetBilling_PortalConfigurations"].startswith("billing_portal.configurations.")
    assert not any(r.path == () for r in api.resources)  # nothing left on the client itself
    files = render_spec(settings)
    assert (
        "s_sdk/resources/customers__sources.py" in files and "docs/sdks/customers__sources/README.md" in files
    )
    assert (
        "sdk.customers.sources.get_customers_customer_sources("
        in files["docs/sdks/customers__sources/README.md"]
    )


def test_a_small_untagged_spec_stays_on_the_client(tmp_path: Path) -> None:
    spec = {
        "openapi": "3.1.0",
        "info": {"title": "S", "version": "1"},
        "paths": {"/a": {"get": {"operationId": "a", "responses": {"200": {"description": "ok"}}}}},
    }
    path = tmp_path / "small.yaml"
    path.write_text(yaml.safe_dump(spec), encoding="utf-8")
    api = build_api(load_spec(path), Settings(package="s_sdk"))
    assert [r.path for r in api.resources] == [()]


def test_a_resource_never_takes_the_name_of_a_client_method(tmp_path: Path) -> None:
    op = {"operationId": "shut", "tags": ["close"], "responses": {"200": {"description": "ok"}}}
    spec = {"openapi": "3.1.0", "info": {"title": "S", "version": "1"}, "paths": {"/close": {"post": op}}}
    path = tmp_path / "close.yaml"
    path.write_text(yaml.safe_dump(spec), encoding="utf-8")
    api = build_api(load_spec(path), Settings(package="s_sdk"))
    attribute = PyNames(api).resource(api.resources[0])
    assert attribute.startswith("close") and attribute != "close"  # `sdk.close()` stays the client's
