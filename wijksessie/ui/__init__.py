"""The Textual UI: the app, one screen per module, shared widgets and dialogs."""
