"""The real cache with its calls counted: how many round trips a request makes."""


class CountingCache:
    """The real cache, with every call counted by method name."""

    def __init__(self, cache):
        self.cache, self.calls = cache, []

    def __getattr__(self, name):
        method = getattr(self.cache, name)

        def counted(*args, **kwargs):
            self.calls.append(name)
            return method(*args, **kwargs)

        return counted
