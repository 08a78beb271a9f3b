"""Every addon of the repository is its own wheel ``odoo-addon-<addon>``: the
main addon from the root setup.py, each bridge from ``setup/<addon>/setup.py``
(OCA layout). A wheel ships its addon at odoo/addons/<addon> with every file
the manifest loads and nothing else, and requires Odoo 19.0 (a bridge also
the distributions of the repository's addons it depends on)."""

import ast
import email
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ADDON = "sales_process_grc"
REPO_ROOT = Path(__file__).resolve().parent.parent
# the bridges: every top-level folder sales_process_grc_* that is an addon
BRIDGES = sorted(
    path.parent.name for path in REPO_ROOT.glob(f"{ADDON}_*/__manifest__.py")
)
ADDONS = [ADDON, *BRIDGES]


def _source_dir(repo_root, addon):
    return repo_root if addon == ADDON else repo_root / "setup" / addon


@pytest.fixture(scope="module", params=ADDONS)
def addon(request):
    return request.param


@pytest.fixture(scope="module")
def wheel(addon, repo_root, tmp_path_factory):
    out = tmp_path_factory.mktemp(f"wheel-{addon}")
    source = _source_dir(repo_root, addon)
    # setuptools reuses its build/ folder: a file removed from the addon would
    # stay in the wheel
    shutil.rmtree(source / "build", ignore_errors=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps"]
        + ["--no-build-isolation", "--wheel-dir", str(out), str(source)],
        check=True,
        cwd=out,
    )
    wheels = list(out.glob("*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="module")
def manifest(addon, repo_root):
    return ast.literal_eval((repo_root / addon / "__manifest__.py").read_text())


@pytest.mark.parametrize("bridge", BRIDGES)
def test_every_bridge_has_its_setup(bridge, repo_root):
    link = repo_root / "setup" / bridge / "odoo" / "addons" / bridge
    assert (repo_root / "setup" / bridge / "setup.py").is_file()
    assert link.is_symlink() and link.resolve() == (repo_root / bridge).resolve()
    # the same file for every bridge
    assert (repo_root / "setup" / bridge / "setup.py").read_text() == (
        repo_root / "setup" / BRIDGES[0] / "setup.py"
    ).read_text()


def test_wheel_name_and_requirements(addon, wheel, manifest, repo_root):
    assert wheel.name == f"odoo_addon_{addon}-{manifest['version']}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as zf:
        meta_name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        meta = email.message_from_bytes(zf.read(meta_name))
    assert meta["Name"] == f"odoo-addon-{addon}"
    expected = {"odoo<19.1dev,>=19.0a"} | {
        f"odoo-addon-{depend}<19.1dev,>=19.0dev"
        for depend in manifest["depends"]
        if (repo_root / depend / "__manifest__.py").is_file()
    }
    assert set(meta.get_all("Requires-Dist")) == expected
    if addon != ADDON:
        assert f"odoo-addon-{ADDON}<19.1dev,>=19.0dev" in expected


def test_wheel_ships_every_file_the_manifest_loads(addon, wheel, manifest, repo_root):
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    prefix = f"odoo/addons/{addon}/"
    loaded = list(manifest.get("data", [])) + list(manifest.get("demo", []))
    for bundle in manifest.get("assets", {}).values():
        loaded += [p.split("/", 1)[1] for p in bundle if isinstance(p, str)]
    loaded.append("static/description/icon.png")
    missing = [path for path in loaded if prefix + path not in names]
    assert not missing, f"not in the wheel: {missing}"
    # and every file of the addon (python, i18n, static, readme), nothing else:
    # no other addon, no stray package
    addon_dir = repo_root / addon
    expected = {
        prefix + str(p.relative_to(addon_dir))
        for p in addon_dir.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    shipped = {n for n in names if ".dist-info/" not in n}
    assert expected == shipped


def test_pip_install_puts_the_addon_in_the_odoo_addons_namespace(
    addon, wheel, tmp_path
):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps"]
        + ["--target", str(target), str(wheel)],
        check=True,
    )
    manifest = target / "odoo" / "addons" / addon / "__manifest__.py"
    assert manifest.is_file()
    # no stray top-level package besides the odoo namespace
    assert not (target / "odoo" / "__init__.py").exists()
    assert not (target / "odoo" / "addons" / "__init__.py").exists()
    assert [path.name for path in (target / "odoo" / "addons").iterdir()] == [addon]


def test_addon_readme_is_generated_from_the_fragments(repo_root):
    script = repo_root / "scripts" / "gen_addon_readme.py"
    proc = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout
