"""The Python target: pydantic v2 models, an httpx client with typed SSE streams, Markdown docs."""

from generator.targets.python.target import PythonTarget

__all__ = ["PythonTarget"]
