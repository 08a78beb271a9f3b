"""Build sales_process_grc/README.rst (and each bridge's, e.g.
sales_process_grc_sale/README.rst) from the OCA fragments in readme/.

Usage: .venv/bin/python scripts/gen_addon_readme.py [--check]
With --check, exit 1 when README.rst is not up to date (used by the tests).
"""

import ast
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
# the addon and its bridges (top-level folders sales_process_grc_*)
ADDON_DIRS = [REPO_ROOT / "sales_process_grc"] + sorted(
    path.parent for path in REPO_ROOT.glob("sales_process_grc_*/__manifest__.py")
)
SECTIONS = [
    ("DESCRIPTION.md", None),
    ("CONFIGURE.md", "Configuration"),
    ("USAGE.md", "Usage"),
    ("CONTRIBUTORS.md", "Contributors"),
]


def title(text, char):
    return f"{text}\n{char * len(text)}\n"


def build(addon_dir):
    manifest = ast.literal_eval((addon_dir / "__manifest__.py").read_text())
    parts = [
        "..\n   This file is generated from the readme/ fragments by\n"
        "   scripts/gen_addon_readme.py: edit those, not this file.\n",
        "=" * len(manifest["name"]) + "\n" + title(manifest["name"], "="),
        f"*{manifest['summary']}*\n",
        f":Version: {manifest['version']}\n:License: {manifest['license']}\n"
        f":Depends: {', '.join(manifest['depends'])}\n",
    ]
    for filename, heading in SECTIONS:
        path = addon_dir / "readme" / filename
        if not path.exists():
            continue
        if heading:
            parts.append(title(heading, "-"))
        parts.append(path.read_text(encoding="utf-8").strip() + "\n")
    return "\n".join(parts)


def main():
    status = 0
    for addon_dir in ADDON_DIRS:
        target = addon_dir / "README.rst"
        content = build(addon_dir)
        if "--check" in sys.argv:
            current = target.read_text(encoding="utf-8") if target.exists() else ""
            if current != content:
                print(f"{target} is out of date: run scripts/gen_addon_readme.py")
                status = 1
            continue
        target.write_text(content, encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main())
