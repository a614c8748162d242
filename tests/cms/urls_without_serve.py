"""A URL configuration without Wagtail's serve view (a headless site that mounts none)."""

urlpatterns = []
