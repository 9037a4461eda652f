"""The OpenAPI document describes every API operation, its security and its error answers."""
import re

METHODS = ("get", "post", "put", "delete")


def test_every_api_route_is_documented_with_its_errors(app, client):
    spec = client.get("/api/v1/openapi.json").get_json()
    documented = {(method.upper(), path) for path, operations in spec["paths"].items() for method in operations if method in METHODS}
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/v1/") and "openapi" not in rule.rule:
            path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)
            for method in rule.methods - {"HEAD", "OPTIONS"}:
                assert (method, path) in documented
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            if method not in METHODS:
                continue
            if operation.get("security"):
                assert {"401", "403"} <= set(operation["responses"]), (method, path)
            if "requestBody" in operation:
                assert "422" in operation["responses"], (method, path)
    assert spec["components"]["securitySchemes"]["bearerAuth"] == {"type": "http", "scheme": "bearer"}
