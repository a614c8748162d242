"""The task that delivers one webhook, on the `webhooks` task backend (django-tasks-db: run by
`manage.py db_worker --backend webhooks --queue-name webhooks`)."""

from django_tasks import task

BACKEND = "webhooks"


@task(backend=BACKEND, queue_name=BACKEND)
def deliver_webhook(delivery_id):
    """One attempt at one delivery; a failure schedules the next attempt itself."""
    from cms.webhooks.delivery import deliver

    return str(deliver(delivery_id))
