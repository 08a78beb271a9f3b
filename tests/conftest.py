"""Repository-level tests, run by pytest-odoo after the addon's own tests.

``make test`` passes ``--odoo-config`` and ``--odoo-database`` (a database
with the addon installed). Tests that drive odoo-bin themselves read the same
configuration through the fixtures below.
"""

import os
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def repo_root():
    return REPO_ROOT


@pytest.fixture(scope="session")
def odoo_config(pytestconfig):
    path = pytestconfig.getoption("--odoo-config")
    if not path:
        pytest.fail("run through `make test` (needs --odoo-config)")
    return path


@pytest.fixture(scope="session")
def odoo_bin():
    import odoo

    # odoo is a namespace package: take the entry that is a real directory
    for entry in odoo.__path__:
        src = Path(entry).parent
        if (src / "odoo-bin").is_file():
            return [sys.executable, str(src / "odoo-bin")]
    pytest.fail(f"odoo-bin not found next to {list(odoo.__path__)}")


@pytest.fixture(scope="session")
def odoo_env_vars():
    env = dict(os.environ)
    env.pop("ODOO_RC", None)
    return env
