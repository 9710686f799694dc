import pytest
from django_tasks import default_task_backend


@pytest.fixture
def queued(settings):
    """Tasks are queued for a worker instead of running at once: returns the queue (a list of results),
    whose `run()` runs them as the worker would."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

    class Queue(list):
        def run(self) -> None:
            for result in default_task_backend.results:
                result.task.func(*result.args, **result.kwargs)
            default_task_backend.clear()

        def __len__(self) -> int:
            return len(default_task_backend.results)

    return Queue()
