"""The standard `process_*` series (memory, CPU, open files, start time) and the build's identity
(`taskapi_build_info`), for every worker.

In one process, prometheus_client's ProcessCollector reads them when scraped. Under `taskapi
serve --workers N` a scrape is answered by one worker from every worker's files (Prometheus
multiprocess mode), where a collector only sees the worker that answers: there each worker
copies its own figures into gauges and a counter, labelled with its pid, when it answers a
scrape, and at most once a second while it serves requests. A worker that stops takes its
series with it (`worker_stopped`).
"""

from __future__ import annotations

import os
import platform
import tempfile
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from prometheus_client import CollectorRegistry, Counter, Gauge, ProcessCollector, multiprocess

REFRESH_EVERY_S = 1.0


def _multiprocess() -> bool:
    return "PROMETHEUS_MULTIPROC_DIR" in os.environ


def build_version() -> str:
    try:
        return version("taskapi")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


class ProcessFigures:
    """This process's figures: collected when scraped, or (multiprocess) copied into gauges."""

    def __init__(self, registry: CollectorRegistry) -> None:
        build = Gauge(
            "taskapi_build_info",
            "The running build: always 1, its version and Python's as labels.",
            ["version", "python"],
            registry=registry,
            multiprocess_mode="max",
        )
        build.labels(version=build_version(), python=platform.python_version()).set(1)
        self._gauges: dict[str, Gauge] = {}
        self._counters: dict[str, tuple[Counter, list[float]]] = {}
        self._next_refresh = 0.0
        if not _multiprocess():
            ProcessCollector(registry=registry)
            return
        self._own = ProcessCollector(registry=None)
        pid = str(os.getpid())
        for family in self._own.collect():
            if family.type == "counter":  # CPU seconds: still a counter, moved by the increase
                counter = Counter(family.name, family.documentation, ["pid"], registry=registry)
                self._counters[family.name + "_total"] = (counter.labels(pid=pid), [0.0])
                continue
            for sample in family.samples:
                self._gauges[sample.name] = Gauge(
                    sample.name,
                    family.documentation,
                    registry=registry,
                    multiprocess_mode="liveall",
                )
        self.refresh()

    def refresh(self) -> None:
        """Copy the figures now (multiprocess mode; nothing to do otherwise)."""
        if not self._gauges:
            return
        for family in self._own.collect():
            for sample in family.samples:
                if sample.name in self._counters:
                    counter, last = self._counters[sample.name]
                    if sample.value > last[0]:
                        counter.inc(sample.value - last[0])
                        last[0] = sample.value
                else:
                    self._gauges[sample.name].set(sample.value)

    def tick(self) -> None:
        """A request was served: refresh if the last copy is a second old."""
        if self._gauges and (now := time.monotonic()) >= self._next_refresh:
            self._next_refresh = now + REFRESH_EVERY_S
            self.refresh()


def new_multiprocess_dir() -> Path:
    """For `serve --workers N`: a fresh, empty directory where every worker writes its metrics,
    so /metrics adds them up. Set before any worker starts: prometheus_client picks its
    storage when first imported (in each worker: the serving process itself records nothing)."""
    metrics_dir = Path(tempfile.mkdtemp(prefix="taskapi-metrics-"))
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(metrics_dir)
    return metrics_dir


def worker_stopped() -> None:
    """Drop this worker's live series (multiprocess mode), so a scrape no longer shows them."""
    if _multiprocess():
        multiprocess.mark_process_dead(os.getpid())  # type: ignore[no-untyped-call]
