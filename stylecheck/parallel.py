"""Linting many files: in parallel processes, from `--cache`, with a progress bar.

The CLI collects (path, Config) entries; `lint_entries` turns them into FileResults in exactly
that order, whatever the number of processes, so the output never depends on `-j`.

* Small runs (fewer than MIN_FILES files, or less than MIN_BYTES of text) stay in this process:
  starting a pool costs more than it saves.
* Workers are forked where the platform allows, so they inherit the rules this process already
  compiled; elsewhere each worker compiles them once (`rulecache.linter_for` is a per-process memo,
  backed by the compiled-rules cache). Files travel to workers in chunks, by path.
* With `--cache`, this process reads each file, hashes it, and takes unchanged files' findings
  from the cache; only the others are linted. A worker reports the hash of the bytes it actually
  linted, so a file edited mid-run is never cached under the wrong content.
"""
from __future__ import annotations

import argparse
import os
import sys

from .diagnostic import FileResult

TYPE_CHECKING = False
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterable
    from typing import Any

MIN_FILES = 8
MIN_BYTES = 256 * 1024
# Chunks per worker: enough to balance uneven files, few enough to keep messages cheap.
_CHUNKS_PER_JOB = 8


def add_options(parser: argparse.ArgumentParser) -> None:
    """The CLI options of this module (kept here so cli.py stays small)."""
    parser.add_argument("-j", "--jobs", type=_jobs, metavar="N", default=None,
                        help="lint in N processes (default: the number of cores; small runs use one)")
    parser.add_argument("--cache", action="store_true",
                        help="skip files unchanged since a run with the same rules and settings")
    parser.add_argument("--cache-dir", metavar="DIR",
                        help="where --cache keeps its data (default: $STYLECHECK_CACHE_DIR or ./.stylecheck_cache)")
    parser.add_argument("--statistics", action="store_true",
                        help="print how many findings each rule and category has, instead of the findings")
    parser.add_argument("--no-progress", action="store_true", help="never draw a progress bar")


def _jobs(value: str) -> int:
    if value == "auto":
        return 0
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number or 'auto', not {value!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("must be 0 (auto) or more")
    return jobs


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def lint_entries(
    entries: list[tuple[str, Any]],
    *,
    encoding: str = "utf-8",
    jobs: int | None = None,
    read_stdin=None,
    cache_dir: str | None = None,
    use_cache: bool = False,
    progress: bool = True,
    max_bytes: int | None = None,
) -> tuple[list[FileResult], dict[str, str]]:
    """FileResults for `entries`, in order, and the texts of the files that have findings.

    `read_stdin()` returns a Source for the entry "-". Texts are kept only for files with findings
    (formatters show their lines); a whole archive's text is never held at once.
    """
    from .progress import Progress
    from .source import DEFAULT_MAX_FILE_BYTES

    max_bytes = DEFAULT_MAX_FILE_BYTES if max_bytes is None else max_bytes
    results: list[FileResult | None] = [None] * len(entries)
    texts: dict[str, str] = {}
    jobs = default_jobs() if not jobs else jobs
    caches: dict[Any, Any] = {}
    todo: list[int] = []

    with Progress(len(entries), enabled=None if progress else False) as bar:
        for index, (path, config) in enumerate(entries):
            if path == "-":
                source = read_stdin()
                results[index] = _lint_source(source, config, texts) if not isinstance(source, FileResult) else source
                bar.advance()
            elif use_cache:
                hit = _from_cache(path, config, encoding, cache_dir, caches, texts, max_bytes)
                if hit is not None:
                    results[index] = hit
                    bar.advance()
                else:
                    todo.append(index)
            else:
                todo.append(index)

        work = [(index, entries[index][0], entries[index][1]) for index in todo]
        if jobs > 1 and _worth_a_pool(work):
            done = _lint_in_pool(work, encoding, use_cache, jobs, bar, max_bytes)
        else:
            done = _lint_here(work, encoding, use_cache, bar, max_bytes)
        for index, result, text, digest in done:
            results[index] = result
            if text is not None:
                texts[result.path] = text
            if use_cache and digest is not None:
                _cache_for(entries[index][1], encoding, cache_dir, caches).put(result, digest)

    for cache in caches.values():
        try:
            cache.save()
        except (OSError, TypeError, ValueError) as exc:
            print(f"stylecheck: warning: cannot write the cache in {os.path.dirname(cache.path)}: {getattr(exc, 'strerror', None) or exc}", file=sys.stderr)
    _save_patterns()
    return [r for r in results if r is not None], texts


def _save_patterns() -> None:
    """Keep the patterns this process had to compile for the next run (see patterns.py)."""
    patterns = sys.modules.get("stylecheck.patterns")
    if patterns is not None:
        patterns.save()


def _cache_for(config: Any, encoding: str, cache_dir: str | None, caches: dict[Any, Any]):
    from .resultcache import ResultCache, cache_folder

    if config not in caches:
        caches[config] = ResultCache(cache_folder(cache_dir), config, encoding)
    return caches[config]


def _from_cache(path: str, config: Any, encoding: str, cache_dir: str | None, caches: dict[Any, Any], texts: dict[str, str], max_bytes: int) -> FileResult | None:
    """The cached result of an unchanged file (its text kept when it has findings), else None."""
    from .resultcache import content_digest
    from .source import SourceError, decode

    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1) if max_bytes else handle.read()
    except OSError:
        return None  # the linting path reports it, with its usual message
    if max_bytes and len(data) > max_bytes:
        return None  # likewise: the linting path skips it with its notice
    digest = content_digest(data)
    result = _cache_for(config, encoding, cache_dir, caches).get(path, digest)
    if result is not None and result.diagnostics:
        try:
            texts[result.path] = decode(data, path, encoding).text
        except SourceError:
            return None
    return result


def _worth_a_pool(work: list[tuple[int, str, Any]]) -> bool:
    if len(work) < MIN_FILES:
        return False
    total = 0
    for _index, path, _config in work:
        try:
            total += os.stat(path).st_size
        except OSError:
            continue
        if total >= MIN_BYTES:
            return True
    return False


def _lint_source(source, config, texts: dict[str, str]) -> FileResult:
    from .api import lint_source

    result = lint_source(source, config)
    if result.diagnostics:
        texts[source.path] = source.text
    return result


def lint_one(path: str, config: Any, encoding: str, digest: bool = False, max_bytes: int | None = None) -> tuple[FileResult, str | None, str | None]:
    """Read, decode and lint one file: (result, its text when it has findings, and with `digest`
    the SHA-256 of the bytes that were linted)."""
    from .api import lint_source
    from .source import DEFAULT_MAX_FILE_BYTES, SkippedFile, SourceError, decode, read_bytes

    try:
        data = read_bytes(path, DEFAULT_MAX_FILE_BYTES if max_bytes is None else max_bytes)
        source = decode(data, path, encoding)
    except SkippedFile as exc:  # binary or too large: a notice, not a failure
        return FileResult(exc.path, warnings=[str(exc)]), None, None
    except SourceError as exc:
        message = exc.message
        if message == "no such file":  # it existed when the run collected it
            message = "no such file (it was removed after the run started)"
        return FileResult(exc.path, error=message), None, None
    sha256 = None
    if digest:
        from .resultcache import content_digest

        sha256 = content_digest(data)
    del data  # a 20 MB file: keep only its text while linting
    result = lint_source(source, config)
    return result, (source.text if result.diagnostics else None), sha256


def _lint_chunk(encoding: str, digest: bool, max_bytes: int, chunk: list[tuple[int, str, Any]]) -> list[tuple[int, FileResult, str | None, str | None]]:
    done = [(index, *lint_one(path, config, encoding, digest, max_bytes)) for index, path, config in chunk]
    _save_patterns()  # a worker compiles the patterns used only while linting; it saves them
    return done


def _lint_here(work, encoding: str, digest: bool, bar, max_bytes: int) -> Iterable[tuple[int, FileResult, str | None, str | None]]:
    for index, path, config in work:
        yield (index, *lint_one(path, config, encoding, digest, max_bytes))
        bar.advance()


def _worker_start() -> None:
    """Ctrl-C is for the main process, which stops the run and prints one line; workers would
    each print a traceback."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _lint_in_pool(work, encoding: str, digest: bool, jobs: int, bar, max_bytes: int) -> Iterable[tuple[int, FileResult, str | None, str | None]]:
    import multiprocessing
    from functools import partial

    size = max(1, min(64, len(work) // (jobs * _CHUNKS_PER_JOB) or 1))
    chunks = [work[i : i + size] for i in range(0, len(work), size)]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods and sys.platform != "darwin" else None)
    pool = context.Pool(processes=min(jobs, len(chunks)), initializer=_worker_start)
    try:
        for items in pool.imap_unordered(partial(_lint_chunk, encoding, digest, max_bytes), chunks):
            yield from items
            bar.advance(len(items))
        pool.close()
    except BaseException:
        pool.terminate()  # Ctrl-C, or a bug in a worker: stop now, not after the queued files
        raise
    finally:
        pool.join()
