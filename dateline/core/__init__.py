"""The bottom layer: the types, lexicons and small utilities every other layer shares (rows and
tasks, views and the filter, actor mentions and time expressions, dates and datelines, settings, the
registry, the errors). It imports nothing else of dateline."""
