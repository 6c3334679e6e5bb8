"""`python -m devtools.synth OUT_DIR [--seed N] [--per-kind N]`: write the set."""

from devtools.synth.sets import main

raise SystemExit(main())
