"""Which task runs each kind of job, so a failed or cancelled job can be run again from its page.

Each app's tasks module registers its own (transfer/tasks.py …); this module knows none of them.
"""

_TASKS: dict = {}


def register(kind: str):
    def registering(task):
        _TASKS[kind] = task
        return task

    return registering


def task_for(kind: str):
    return _TASKS.get(kind)
