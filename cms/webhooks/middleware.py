"""Editor actions commit as one: every admin request that may write (not GET, HEAD or OPTIONS)
runs in one transaction, so a publish and its webhook outbox rows commit together or not at
all. Wagtail's publish runs outside any transaction of its own; without this, a receiver that
fails after the page is saved (e.g. the cache bump with Redis down) leaves the page live and no
event. Only the admin: GraphQL reads never take a transaction (nor SQLite's write lock)."""

from django.db import transaction
from django.urls import reverse

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


class AtomicAdminWritesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = None

    def __call__(self, request):
        if self.admin_prefix is None:
            self.admin_prefix = reverse("wagtailadmin_home")
        if request.method in SAFE_METHODS or not request.path.startswith(self.admin_prefix):
            return self.get_response(request)
        with transaction.atomic():
            response = self.get_response(request)
            # A view's exception has already become a 500 response here: roll it back too.
            if response.status_code >= 500:
                transaction.set_rollback(True)
        return response
