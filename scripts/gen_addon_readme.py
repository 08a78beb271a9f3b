"""Build sales_process_grc/README.rst from the OCA fragments in readme/.

Usage: .venv/bin/python scripts/gen_addon_readme.py [--check]
With --check, exit 1 when README.rst is not up to date (used by the tests).
"""

import ast
import sys
from pathlib import Path

ADDON_DIR = Path(__file__).resolve().parent.parent / "sales_process_grc"
SECTIONS = [
    ("DESCRIPTION.md", None),
    ("CONFIGURE.md", "Configuration"),
    ("USAGE.md", "Usage"),
    ("CONTRIBUTORS.md", "Contributors"),
]


def title(text, char):
    return f"{text}\n{char * len(text)}\n"


def build():
    manifest = ast.literal_eval((ADDON_DIR / "__manifest__.py").read_text())
    parts = [
        "..\n   This file is generated from the readme/ fragments by\n"
        "   scripts/gen_addon_readme.py: edit those, not this file.\n",
        "=" * len(manifest["name"]) + "\n" + title(manifest["name"], "="),
        f"*{manifest['summary']}*\n",
        f":Version: {manifest['version']}\n:License: {manifest['license']}\n"
        f":Depends: {', '.join(manifest['depends'])}\n",
    ]
    for filename, heading in SECTIONS:
        path = ADDON_DIR / "readme" / filename
        if not path.exists():
            continue
        if heading:
            parts.append(title(heading, "-"))
        parts.append(path.read_text(encoding="utf-8").strip() + "\n")
    return "\n".join(parts)


def main():
    target = ADDON_DIR / "README.rst"
    content = build()
    if "--check" in sys.argv:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != content:
            print(f"{target} is out of date: run scripts/gen_addon_readme.py")
            return 1
        return 0
    target.write_text(content, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
