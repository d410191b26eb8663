"""``python -m planforge``: the command line."""

from planforge.cli import main

raise SystemExit(main())
