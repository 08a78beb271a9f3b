"""Packaging of the sales_process_grc Odoo addon.

``pip install .`` and ``pip wheel .`` give the distribution
``odoo-addon-sales_process_grc``, which installs the addon at
``odoo/addons/sales_process_grc`` (the ``odoo.addons`` namespace) with every
file it ships, and requires Odoo 19.0.
"""

import ast
from pathlib import Path

from setuptools import setup

ADDON = "sales_process_grc"
HERE = Path(__file__).resolve().parent
manifest = ast.literal_eval((HERE / ADDON / "__manifest__.py").read_text())
odoo_series = ".".join(manifest["version"].split(".")[:2])
next_series = f"{odoo_series.split('.')[0]}.{int(odoo_series.split('.')[1]) + 1}"

# Every file of the addon except byte code: data, views, reports, i18n, static.
package_files = sorted(
    str(path.relative_to(HERE / ADDON))
    for path in (HERE / ADDON).rglob("*")
    if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
)
packages = sorted(
    ".".join(("odoo", "addons", *path.parent.relative_to(HERE).parts))
    for path in (HERE / ADDON).rglob("__init__.py")
)

setup(
    name=f"odoo-addon-{ADDON}",
    version=manifest["version"],
    description=manifest["summary"],
    long_description=(HERE / "README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    author=manifest["author"],
    url=manifest["website"],
    license="LGPL-3.0-or-later",
    classifiers=[
        "Programming Language :: Python",
        "Framework :: Odoo",
        f"Framework :: Odoo :: {odoo_series}",
        "License :: OSI Approved :: "
        "GNU Lesser General Public License v3 or later (LGPLv3+)",
    ],
    python_requires=">=3.10",
    install_requires=[f"odoo>={odoo_series}a,<{next_series}dev"],
    packages=packages,
    package_dir={f"odoo.addons.{ADDON}": ADDON},
    package_data={f"odoo.addons.{ADDON}": package_files},
    include_package_data=False,
    zip_safe=False,
)
