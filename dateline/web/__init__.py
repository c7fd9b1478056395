"""The local web application: the JSON API and the UI over one corpus database (``dateline serve``)."""
