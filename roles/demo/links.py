"""The demo guide's link in `make run`'s output (registered in roles/apps.py)."""


def demo_guide_link(base: str) -> tuple[str, str]:
    """The reference client on the demo guide while it is live, else its page in the admin."""
    from roles.management.commands.load_demo_content import Command as Loader

    guide = Loader.find_guide()
    if guide is None:
        return "Demo guide", "none: run `manage.py load_demo_content`"
    parts = guide.get_url_parts()
    if guide.live and parts:
        return "Demo guide", f"{base}/reference-client/?path={parts[2]}"
    return "Demo guide", f"{base}/admin/pages/{guide.pk}/edit/  (not live)"
