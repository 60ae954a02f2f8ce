"""Allow ``python -m wijksessie``."""

from wijksessie.cli import main

raise SystemExit(main())
