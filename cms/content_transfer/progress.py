"""A progress bar for long exports and imports, on standard error (the dump may be on stdout)."""


class ProgressBar:
    """`bar(stage, done, total)` redraws `[#####-----] 120/200 pages` in place, at most once per
    percent (a log stays short at 100,000 pages); a new stage starts a new line."""

    width = 30

    def __init__(self, stream, enabled=True):
        self.stream = stream
        self.enabled = enabled
        self.stage = None
        self.percent = None

    def __call__(self, stage, done, total):
        if not self.enabled:
            return
        if stage != self.stage:
            self.finish()
            self.stage = stage
        percent = 100 * done // total if total else 100
        if percent == self.percent and done != total:
            return
        self.percent = percent
        filled = self.width * done // total if total else self.width
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r[{bar}] {done}/{total} {stage}", ending="")
        self.stream.flush()

    def finish(self):
        if self.stage is not None:
            self.stream.write("")
            self.stage = self.percent = None
