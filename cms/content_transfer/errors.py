"""The one error an export or an import reports: which object, which field, what is wrong."""


class TransferError(Exception):
    """A problem with one object of a dump, e.g. `roles.roleguidepage /roles/x/:
    body[3].value.skills[0].tools[1]: unknown tool 'kubeflow'`."""

    def __init__(self, message, *, obj=None, field=None):
        super().__init__(message)
        self.message = message
        self.obj = obj
        self.field = field

    def __str__(self):
        return ": ".join(part for part in (self.obj, self.field, self.message) if part)

    def about(self, obj):
        """The same error, naming `obj` unless it names an object already."""
        if self.obj is None:
            self.obj = obj
        return self


def validation_message(error):
    """A Django ValidationError as one line: `field: message; other: message`."""
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{name}: {' '.join(messages)}" if name != "__all__" else " ".join(messages)
            for name, messages in error.message_dict.items()
        )
    return " ".join(error.messages)
