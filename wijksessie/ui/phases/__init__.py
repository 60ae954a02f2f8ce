"""One pane per phase of the session, each in its own module."""
