"""The workshop bundle installs and runs on a laptop with no network (issue 17).

``student.zip`` is unpacked into an empty folder and, inside a network namespace with no
route (loopback only, ``unshare -n``), with a plain Python 3.11, no pip configuration and
no environment of this project, the student's two commands run: ``python3.11 workshop.py
install`` (a fresh virtual environment from the bundle's wheelhouse) and ``python3.11
workshop.py lab`` (JupyterLab, asked over loopback for its file browser's root). A
notebook of the bundle is executed with the installed papermill in between.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import zipfile

import pytest

from framelens import workshop

pytestmark = [pytest.mark.slow]

BASE_PYTHON = getattr(sys, "_base_executable", sys.executable)


def _no_network_available() -> bool:
    if not shutil.which("unshare"):
        return False
    r = subprocess.run(["unshare", "-n", "true"], capture_output=True)
    return r.returncode == 0


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    if not (workshop.WHEELHOUSE / ".").exists() or not list(workshop.WHEELHOUSE.glob("*.whl")):
        pytest.fail(f"no wheelhouse at {workshop.WHEELHOUSE}: `make wheelhouse` downloads it")
    out = workshop.build(tmp_path_factory.mktemp("workshop"), execute=False)
    return out / "student.zip"


def test_the_bundle_holds_everything_to_install(bundle):
    with zipfile.ZipFile(bundle) as zf:
        names = zf.namelist()
    assert "student/workshop.py" in names and "student/requirements.lock" in names
    wheels = {n.split("/")[-1] for n in names if n.endswith(".whl")}
    pins = workshop.lock_pins()
    assert len(wheels) == len(pins) + 1  # every pin, and framelens
    assert any(w.startswith("framelens-0.1.0-") for w in wheels)
    assert not any("/solution" in n or n.endswith(".log") for n in names)


@pytest.mark.skipif(not _no_network_available(), reason="needs unshare -n (a network namespace)")
def test_install_and_lab_with_no_network(bundle, tmp_path):
    laptop = tmp_path / "laptop"
    with zipfile.ZipFile(bundle) as zf:
        zf.extractall(laptop)
    student = laptop / "student"
    port = 18888
    root_flag = " --allow-root" if os.geteuid() == 0 else ""  # CI runs as root; students do not
    script = textwrap.dedent(
        f"""\
        set -e
        ip link set lo up
        cd {student}
        {BASE_PYTHON} workshop.py install > install.log 2>&1 || {{ cat install.log; exit 11; }}
        tail -n 1 install.log
        .venv/bin/papermill --cwd notebooks -k python3 notebooks/00_corpus_overview.ipynb \\
            {tmp_path}/executed.ipynb > papermill.log 2>&1 || {{ cat papermill.log; exit 12; }}
        {BASE_PYTHON} workshop.py lab --no-browser --port={port} --IdentityProvider.token=t \\
            --ServerApp.ip=127.0.0.1{root_flag} > lab.log 2>&1 &
        LAB=$!
        .venv/bin/python - <<'PY'
        import json, time, urllib.request
        for _ in range(120):
            try:
                with urllib.request.urlopen("http://127.0.0.1:{port}/api/contents?token=t") as r:
                    print("ROOT", sorted(c["name"] for c in json.load(r)["content"]))
                    break
            except OSError:
                time.sleep(0.5)
        else:
            raise SystemExit("JupyterLab did not answer: " + open("lab.log").read()[-1500:])
        PY
        kill $LAB
        """
    )
    env = {
        "PATH": "/usr/sbin:/usr/bin:/bin",
        "HOME": str(tmp_path / "home"),
        "PIP_CONFIG_FILE": os.devnull,
        "LANG": "C.UTF-8",
    }
    r = subprocess.run(
        ["unshare", "-n", "sh", "-c", script],
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    lines = r.stdout.splitlines()
    assert lines[0].startswith("ROOM OK "), r.stdout
    root = next(line for line in lines if line.startswith("ROOT "))
    for name in ("notebooks", "seeds", "outputs", "README.md"):
        assert f"'{name}'" in root, root
    assert (student / "outputs" / "lab" / "tables" / "corpus_documents.csv").is_file()
    assert "Traceback" not in (student / "install.log").read_text(encoding="utf-8")


def test_the_facilitator_page_states_size_and_platforms(bundle):
    student = bundle.parent / "student"
    facts = workshop._bundle_facts(bundle.parent, student)
    assert facts["zip_mb"] == pytest.approx(bundle.stat().st_size / 2**20)
    assert facts["wheels"] == len(workshop.lock_pins()) + 1
    page = workshop.schedule_html(workshop.lessons(), bundle=facts)
    assert f"is {facts['zip_mb']:.0f} MB" in page
    assert "Linux x86_64 with glibc" in page or "any platform" in page
    assert "pip download --no-deps --only-binary=:all: --platform win_amd64" in page
    assert "python3.11 workshop.py install" in page and "ROOM OK" in page


def test_room_check_is_one_line_and_says_what_is_wrong(monkeypatch, capsys):
    import pandas as pd

    from framelens import cli, resources

    assert cli.main(["doctor", "--room"]) == 0
    line = capsys.readouterr().out
    assert line.startswith("ROOM OK ") and line.count("\n") == 1
    real = resources.check()
    broken = real.assign(status=["missing"] + ["ok"] * (len(real) - 1))
    monkeypatch.setattr(resources, "check", lambda: pd.DataFrame(broken))
    assert cli.main(["doctor", "--room"]) == 3
    line = capsys.readouterr().out
    assert line.startswith("ROOM FAIL ") and line.count("\n") == 1
    assert f"missing {real['resource'].iloc[0]}" in line and resources.REPAIR in line


def test_make_lab_roots_jupyterlab_at_the_project():
    from ..conftest import ROOT

    r = subprocess.run(["make", "-n", "-C", str(ROOT), "lab"], capture_output=True, text=True)
    assert f'--ServerApp.root_dir="{ROOT}"' in r.stdout, r.stdout
