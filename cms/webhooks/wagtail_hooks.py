"""Webhooks in the admin, under Settings: endpoints with their health, and the delivery log
(status, attempts, last answer, next attempt) with a "Redeliver" action."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from cms.webhooks.delivery import redeliver
from cms.webhooks.models import Delivery, Endpoint


class EndpointInspectView(generic.InspectView):
    """The secret only for those who may change the endpoint; credentials in the URL masked."""

    def get_fields(self):
        fields = super().get_fields()
        if not self.request.user.has_perm("webhooks.change_endpoint"):
            fields = [field for field in fields if field != "secret"]
        return fields

    def get_field_display_value(self, field_name, field):
        if field_name == "url":
            return self.object.display_url
        return super().get_field_display_value(field_name, field)


class EndpointViewSet(ModelViewSet):
    model = Endpoint
    icon = "link-external"
    menu_label = "Webhooks"
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = EndpointInspectView
    form_fields = ["url", "description", "events", "active"]
    list_display = [
        Column("url", label="URL", accessor="display_url"),
        "description",
        Column("events", label="Events", accessor=lambda e: ", ".join(e.events) or "all"),
        BooleanColumn("active"),
        Column("health", label="Health"),
        DateColumn("last_success_at", label="Last success"),
        DateColumn("last_failure_at", label="Last failure"),
        Column("failure_count", label="Failures in a row"),
    ]
    list_filter = ["active"]
    inspect_view_fields = [
        "url",
        "description",
        "events",
        "active",
        "secret",
        "created_at",
        "health",
        "last_success_at",
        "last_failure_at",
        "failure_count",
        "disabled_reason",
    ]


class DeliveryPermissionPolicy(ModelPermissionPolicy):
    """The log is written by the outbox: it can be read and pruned, never added to or edited."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change") and super().user_has_permission(user, action)


def can_redeliver(user):
    return user.has_perm("webhooks.change_endpoint")


class DeliveryIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if can_redeliver(self.request.user):
            buttons.insert(
                0,
                ListingButton(
                    "Redeliver",
                    url=reverse("webhooks_delivery:redeliver", args=(instance.pk,)),
                    icon_name="resubmit",
                    priority=5,
                ),
            )
        return buttons


class RedeliverView(TemplateView):
    """Send a delivery again, with its webhook-id and body (POST; GET asks first)."""

    template_name = "webhooks/confirm_redeliver.html"

    def dispatch(self, request, pk):
        if not can_redeliver(request.user):
            raise PermissionDenied
        self.delivery = get_object_or_404(
            Delivery.objects.select_related("event", "endpoint"), pk=pk
        )
        return super().dispatch(request, pk)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "delivery": self.delivery,
            "index_url": reverse("webhooks_delivery:index"),
        }

    def post(self, request, pk):
        redeliver(self.delivery)
        messages.success(request, f"Redelivery of {self.delivery} queued.")
        return redirect("webhooks_delivery:index")


class DeliveryViewSet(ModelViewSet):
    model = Delivery
    icon = "history"
    menu_label = "Webhook deliveries"
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = DeliveryIndexView
    form_fields = []
    list_display = [
        "__str__",
        Column("status", label="Status", accessor="get_status_display"),
        Column("attempts", label="Attempts"),
        Column("last_status_code", label="Last answer"),
        Column("last_error", label="Last error"),
        DateColumn("next_attempt_at", label="Next attempt"),
        DateColumn("created_at", label="Created"),
    ]
    list_filter = ["status", "endpoint"]
    inspect_view_fields = [
        "webhook_id",
        "event",
        "endpoint",
        "status",
        "attempts",
        "created_at",
        "last_attempt_at",
        "last_status_code",
        "last_response",
        "last_error",
        "next_attempt_at",
        "retry_until",
        "finished_at",
        "payload",
    ]

    def get_queryset(self, request):
        return Delivery.objects.select_related("event", "endpoint")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("redeliver/<uuid:pk>/", RedeliverView.as_view(), name="redeliver"),
        ]


register_permission_policy(Delivery, DeliveryPermissionPolicy(Delivery))


@hooks.register("register_admin_viewset")
def register_webhook_viewsets():
    return [EndpointViewSet("webhooks_endpoint"), DeliveryViewSet("webhooks_delivery")]
