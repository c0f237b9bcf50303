"""The built wheel carries rules/ and seeds/, so an installed reportx works from any folder."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(out), str(ROOT)], check=True)
    return next(out.glob("reportx-*.whl"))


def test_wheel_holds_rules_and_seeds(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "reportx/_data/rules/quantities.yaml" in names
    assert "reportx/_data/seeds/guigang-2024.txt" in names


def test_installed_wheel_extracts_outside_the_checkout(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = dict(os.environ, PYTHONPATH=str(target))
    code = ("import reportx, sys; print(reportx.__file__, file=sys.stderr); "
            "from reportx.cli import main; sys.argv=['reportx','extract','guigang','--format','jsonl']; main()")
    done = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert str(target) in done.stderr          # the installed copy ran, not the checkout
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert rows[0]["indicator_id"] == "gdp" and len(rows) > 200
