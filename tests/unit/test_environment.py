"""The conda environment, the lock and the Makefile agree."""

from __future__ import annotations

import re
import subprocess

import yaml

from ..conftest import ROOT

CONDA_TO_PYPI = {"dask-core": "dask"}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _lock() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            pins[_norm(name)] = version.strip()
    return pins


def test_environment_yml_pins_agree_with_the_lock():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert "conda-forge" in env["channels"]
    lock = _lock()
    checked = 0
    pip_section = []
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            pip_section = dep["pip"]
            continue
        name, _, version = dep.partition("=")
        if name in ("python", "pip"):
            if name == "python":
                assert version == "3.11"
            continue
        pypi = _norm(CONDA_TO_PYPI.get(name, name))
        assert pypi in lock, f"{name} is in environment.yml but not in requirements.lock"
        assert lock[pypi] == version, f"{name}: environment.yml {version} != lock {lock[pypi]}"
        checked += 1
    for dep in pip_section:
        if dep == "-e .":
            continue
        name, version = dep.split("==")
        assert lock[_norm(name)] == version, name
        checked += 1
    assert "-e ." in pip_section
    assert checked >= 28


def test_every_direct_dependency_is_locked():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    lock = _lock()
    deps = project["dependencies"] + project["optional-dependencies"]["test"]
    for dep in deps:
        name = _norm(re.split(r"[<>=\[ ]", dep, maxsplit=1)[0])
        assert name in lock, f"{name} is a dependency but not pinned in requirements.lock"


def test_setup_is_done_and_make_knows_it():
    # `make test` ran the set-up before pytest; a second set-up must be a no-op
    proc = subprocess.run(["make", "-q", "setup"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
