"""`manage.py webhooks`: manage endpoints (add, list, remove) and run the outbox's upkeep
(deliver: the sweep that re-enqueues due deliveries; prune: forget old log rows)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from cms.webhooks import delivery
from cms.webhooks.models import Endpoint, EventType


def event_names(value):
    names = [name.strip() for name in value.split(",") if name.strip()]
    unknown = sorted(set(names) - set(EventType.values))
    if unknown:
        raise CommandError(
            f"Unknown event(s): {', '.join(unknown)}. Known: {', '.join(EventType.values)}."
        )
    return names


class Command(BaseCommand):
    help = "Manage webhook endpoints and deliveries."

    def add_arguments(self, parser):
        commands = parser.add_subparsers(dest="action", required=True)
        add = commands.add_parser("add", help="Add an endpoint; prints its secret last.")
        add.add_argument("url")
        add.add_argument(
            "--events",
            type=event_names,
            default=[],
            help="Comma-separated event types (default: every event).",
        )
        add.add_argument("--description", default="")
        commands.add_parser("list", help="List endpoints with their health.")
        remove = commands.add_parser("remove", help="Remove an endpoint, by id or URL.")
        remove.add_argument("endpoint", help="The endpoint's id or URL.")
        deliver = commands.add_parser(
            "deliver", help="Enqueue due deliveries no task is coming for (run every minute)."
        )
        deliver.add_argument("--limit", type=int, default=500)
        prune = commands.add_parser("prune", help="Delete finished deliveries past retention.")
        prune.add_argument(
            "--days", type=float, default=None, help="Default: WEBHOOK_LOG_RETENTION_DAYS."
        )

    def handle(self, *args, action, **options):
        getattr(self, f"handle_{action}")(**options)

    def handle_add(self, url, events, description, **options):
        endpoint = Endpoint(url=url, events=events, description=description)
        try:
            endpoint.full_clean()
        except ValidationError as error:
            messages = [message for field in error.message_dict.values() for message in field]
            raise CommandError(" ".join(messages)) from error
        endpoint.save()
        self.stdout.write(f"Added endpoint {endpoint.pk}: {endpoint.display_url}")
        self.stdout.write(f"Events: {', '.join(endpoint.events) or 'all'}")
        self.stdout.write("Its signing secret (verify the webhook-signature header with it):")
        self.stdout.write(endpoint.secret)

    def handle_list(self, **options):
        endpoints = Endpoint.objects.all()
        if not endpoints:
            self.stdout.write("No webhook endpoints.")
        for endpoint in endpoints:
            events = ",".join(endpoint.events) or "all events"
            last = endpoint.last_success_at.isoformat() if endpoint.last_success_at else "never"
            self.stdout.write(
                f"{endpoint.pk}\t{endpoint.display_url}\t{events}\t{endpoint.health}\t"
                f"last success: {last}\t{endpoint.description}"
            )

    def handle_remove(self, endpoint, **options):
        found = Endpoint.objects.filter(url=endpoint)
        if endpoint.isdigit():
            found = Endpoint.objects.filter(pk=int(endpoint)) | found
        count = found.count()
        if count == 0:
            raise CommandError(f"No webhook endpoint with the id or URL {endpoint!r}.")
        if count > 1:
            ids = ", ".join(str(pk) for pk in found.values_list("pk", flat=True))
            raise CommandError(f"{count} endpoints have that URL (ids {ids}): give an id.")
        removed = found.get()
        pk = removed.pk
        removed.delete()
        self.stdout.write(f"Removed endpoint {pk}: {removed.display_url}")

    def handle_deliver(self, limit, **options):
        count = delivery.sweep(limit=limit)
        self.stdout.write(f"Enqueued {count} due deliveries.")

    def handle_prune(self, days, **options):
        self.stdout.write(f"Deleted {delivery.prune(days)} finished deliveries.")
