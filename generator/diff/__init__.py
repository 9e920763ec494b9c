"""`sdkgen diff`: the public API of the Python SDK for two specs, compared and classified."""
