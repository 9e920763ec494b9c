"""The TypeScript target: zod-validated models, a fetch client with typed SSE streams, Markdown docs."""

from generator.targets.typescript.target import TypeScriptTarget

__all__ = ["TypeScriptTarget"]
