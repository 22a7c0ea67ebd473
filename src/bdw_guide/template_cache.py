"""Compiled templates kept in memory across builds, keyed by each template's source.

Jinja compiles a template to Python the first time an Environment loads it. We make a fresh
Environment every build (its filters hold that build's guide), so without this every `mkdocs serve`
rebuild and every build of `make bench` compiled our 34 templates again: about a third of what our
hooks add to a build. Jinja's bytecode cache keys each entry by the template's name and a checksum
of its source, so an edited template is compiled afresh: nothing stale is ever served, which is why
this cache may outlive a build while the guide's data caches do not.
"""

from __future__ import annotations

from jinja2.bccache import Bucket, BytecodeCache


class MemoryBytecodeCache(BytecodeCache):
    """Jinja's bytecode cache, held in this process's memory instead of files (nothing written)."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()


COMPILED = MemoryBytecodeCache()
