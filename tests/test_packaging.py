"""The wheel ships the addon at odoo/addons/sales_process_grc with every file
the manifest loads, and requires Odoo 19.0."""

import ast
import email
import subprocess
import sys
import zipfile

import pytest

ADDON = "sales_process_grc"


@pytest.fixture(scope="module")
def wheel(repo_root, tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps"]
        + ["--no-build-isolation", "--wheel-dir", str(out), str(repo_root)],
        check=True,
        cwd=out,
    )
    wheels = list(out.glob("*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


@pytest.fixture(scope="module")
def manifest(repo_root):
    return ast.literal_eval((repo_root / ADDON / "__manifest__.py").read_text())


def test_wheel_name_and_requirements(wheel, manifest):
    assert wheel.name == f"odoo_addon_{ADDON}-{manifest['version']}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as zf:
        meta_name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        meta = email.message_from_bytes(zf.read(meta_name))
    assert meta["Name"] == f"odoo-addon-{ADDON}"
    assert meta.get_all("Requires-Dist") == ["odoo<19.1dev,>=19.0a"]


def test_wheel_ships_every_file_the_manifest_loads(wheel, manifest, repo_root):
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    prefix = f"odoo/addons/{ADDON}/"
    loaded = list(manifest.get("data", [])) + list(manifest.get("demo", []))
    for bundle in manifest.get("assets", {}).values():
        loaded += [p.split("/", 1)[1] for p in bundle if isinstance(p, str)]
    loaded.append("static/description/icon.png")
    missing = [path for path in loaded if prefix + path not in names]
    assert not missing, f"not in the wheel: {missing}"
    # and every file of the addon (python, i18n, static, readme), nothing else
    addon_dir = repo_root / ADDON
    expected = {
        prefix + str(p.relative_to(addon_dir))
        for p in addon_dir.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    shipped = {n for n in names if n.startswith(prefix)}
    assert expected == shipped


def test_pip_install_puts_the_addon_in_the_odoo_addons_namespace(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps"]
        + ["--target", str(target), str(wheel)],
        check=True,
    )
    manifest = target / "odoo" / "addons" / ADDON / "__manifest__.py"
    assert manifest.is_file()
    # no stray top-level package besides the odoo namespace
    assert not (target / "odoo" / "__init__.py").exists()
    assert not (target / "odoo" / "addons" / "__init__.py").exists()


def test_addon_readme_is_generated_from_the_fragments(repo_root):
    script = repo_root / "scripts" / "gen_addon_readme.py"
    proc = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout
