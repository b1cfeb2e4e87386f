"""Prove that the tests run offline: any download attempt is refused and recorded."""

from __future__ import annotations

import os
import subprocess
import sys

from ..conftest import OFFLINE


def _guarded(code: str, tmp_path):
    log = tmp_path / "net.log"
    env = dict(
        os.environ,
        FRAMELENS_NETWORK_LOG=str(log),
        FRAMELENS_BLOCK_NETWORK="1",
        PYTHONPATH=str(OFFLINE),
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    return proc, (log.read_text() if log.exists() else "")


def test_socket_to_the_internet_is_refused_and_logged(tmp_path):
    proc, log = _guarded(
        "import urllib.request\n"
        "try:\n    urllib.request.urlopen('http://example.com', timeout=2)\n"
        "except OSError as e:\n    print('refused:', e)\n",
        tmp_path,
    )
    assert "network access blocked by the framelens test suite" in proc.stdout
    assert "resolve 'example.com'" in log


def test_nltk_download_cannot_reach_the_network(tmp_path):
    proc, log = _guarded("import nltk\nprint(nltk.download('punkt', quiet=True))", tmp_path)
    assert proc.stdout.strip().endswith("False")
    assert "raw.githubusercontent.com" in log or "connect" in log


def test_loopback_stays_open(tmp_path):
    proc, log = _guarded(
        "import socket\ns = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen()\n"
        "c = socket.create_connection(s.getsockname()); print('ok')",
        tmp_path,
    )
    assert proc.stdout.strip() == "ok" and log == ""


def test_this_process_is_guarded_too():
    import socket

    assert socket.socket.connect.__name__ == "_guard_connect"
