"""Services: one function per use case, the only way the command line and the app do things.

Create, open (edit or read-only), follow up, import a list, export the summary or the network,
list the sessions, move one to the trash: each is written once, here, so the command line
(``cli``, ``commands``) and the screens (``ui``) only gather input and show the result. A
service chains the layers below it (``store`` for files, ``render`` and ``exchange`` for
formats, ``domain`` for the rules); none of those calls back up.

Modules load what they need inside the function that needs it where that costs time at start
(TinyDB, the analysis, openpyxl): the start screen and ``wijksessie list`` stay fast.
"""
