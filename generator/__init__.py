"""sdkgen: a schema-first SDK generator (OpenAPI 3.0/3.1 -> typed Python SDK)."""

__version__ = "0.1.0"
