"""Packaging of a bridge addon of this repository (OCA layout), shared by the
``setup/<addon>/setup.py`` of every bridge.

``setup/<addon>/odoo/addons/<addon>`` is a symbolic link to the addon's
top-level folder: the addon is the name of the folder its setup.py sits in.
``pip wheel setup/<addon>`` gives the distribution ``odoo-addon-<addon>``,
which installs the addon at ``odoo/addons/<addon>`` with every file it ships,
and requires Odoo 19.0 and the distributions of the repository's addons it
depends on.
"""

import ast
from pathlib import Path

from setuptools import setup


def setup_addon(here):
    """Call setuptools for the bridge whose setup folder is ``here``."""
    addon = here.name
    repo_root = here.parent.parent
    addon_dir = here / "odoo" / "addons" / addon
    manifest = ast.literal_eval((addon_dir / "__manifest__.py").read_text())
    odoo_series = ".".join(manifest["version"].split(".")[:2])
    next_series = f"{odoo_series.split('.')[0]}.{int(odoo_series.split('.')[1]) + 1}"
    # the addons of this repository it depends on have their own distribution
    repository_depends = sorted(
        depend
        for depend in manifest.get("depends", [])
        if (repo_root / depend / "__manifest__.py").is_file()
    )

    # Every file of the addon except byte code: data, views, reports, i18n, static.
    package_files = sorted(
        str(path.relative_to(addon_dir))
        for path in addon_dir.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    )
    packages = sorted(
        ".".join(("odoo", "addons", addon, *path.parent.relative_to(addon_dir).parts))
        for path in addon_dir.rglob("__init__.py")
    )

    setup(
        name=f"odoo-addon-{addon}",
        version=manifest["version"],
        description=manifest["summary"],
        long_description=(addon_dir / "readme" / "DESCRIPTION.md").read_text(
            encoding="utf-8"
        ),
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
        install_requires=[f"odoo>={odoo_series}a,<{next_series}dev"]
        + [
            f"odoo-addon-{depend}>={odoo_series}dev,<{next_series}dev"
            for depend in repository_depends
        ],
        packages=packages,
        package_dir={f"odoo.addons.{addon}": f"odoo/addons/{addon}"},
        package_data={f"odoo.addons.{addon}": package_files},
        include_package_data=False,
        zip_safe=False,
    )
