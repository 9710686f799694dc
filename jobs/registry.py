"""Which task runs each kind of job, so a job can be run again from its page, and the kinds a curator
may start from /jobs/ (link checks, reminders, digests, reindexing).

Each app's tasks module registers its own (transfer/tasks.py …); this module knows none of them.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    task: object
    label: str
    startable: bool


_KINDS: dict[str, Kind] = {}


def register(kind: str, label: str = "", startable: bool = False):
    """Registers a task for `kind`; `startable` kinds take no arguments and get a button on /jobs/."""

    def registering(task):
        _KINDS[kind] = Kind(task, label, startable)
        return task

    return registering


def task_for(kind: str):
    found = _KINDS.get(kind)
    return found.task if found else None


def startable() -> dict[str, Kind]:
    return {kind: entry for kind, entry in sorted(_KINDS.items()) if entry.startable}
