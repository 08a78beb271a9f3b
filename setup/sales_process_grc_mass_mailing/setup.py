"""Packaging of this bridge addon: see ../setup_addon.py (the same for every
bridge; the addon is the name of this folder)."""

import sys
from pathlib import Path

HERE = Path(__file__).absolute().parent
sys.path.insert(0, str(HERE.parent))
from setup_addon import setup_addon  # noqa: E402

setup_addon(HERE)
