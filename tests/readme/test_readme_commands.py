"""Every command of the README works as written (issue 13, part 1).

The ``bash`` blocks of README.md are read, and each ``framelens`` command runs in a folder
holding the files its placeholders name (``articles.csv`` with a ``body`` column, a
``;``-delimited UTF-16 ``export.csv``, ``posts.jsonl``, Parquet ``shards/``), on a real
local Dask cluster where it names a scheduler. ``make`` commands are checked to be targets
of the Makefile (``make test`` is what runs this test). A block this test cannot run says
why in :data:`NOT_RUN`, and a new block fails until it is handled.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from framelens import corpus, scale

from ..conftest import ROOT

pytestmark = [pytest.mark.notebook, pytest.mark.slow]

CORPORA = ROOT / "tests" / "data" / "corpora"
README = ROOT / "README.md"
#: commands of the README this test does not run, and why
NOT_RUN = {
    "conda env create -f environment.yml && conda activate framelens && framelens provision": (
        "needs conda and the network; tests/unit/test_environment.py checks environment.yml"
    ),
}


def _commands() -> list[str]:
    text = README.read_text(encoding="utf-8")
    found = []
    for block in re.findall(r"```bash\n(.*?)```", text, flags=re.S):
        for line in block.splitlines():
            line = line.split("   #")[0].strip()
            if line:
                found.append(line)
    return found


COMMANDS = _commands()


def test_the_readme_has_the_commands_this_test_knows():
    assert any(c.startswith("make run") for c in COMMANDS)
    assert any("-p text_column body" in c for c in COMMANDS)
    for command in COMMANDS:
        assert command.startswith((".venv/bin/framelens ", "make ")) or command in NOT_RUN, (
            f"README command this test cannot run: {command!r}; teach it or add it to NOT_RUN"
        )


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    """A folder with every file the README's commands name."""
    d = tmp_path_factory.mktemp("readme")
    news = pd.read_csv(CORPORA / "news_multi" / "articles.csv", dtype=str).head(4)
    news.rename(columns={"text": "body"}).to_csv(d / "articles.csv", index=False)
    export = news.rename(columns={"published": "date"})[["doc_id", "source", "date", "text"]]
    export.to_csv(d / "export.csv", index=False, sep=";", encoding="utf-16")
    posts = pd.read_json(CORPORA / "social" / "posts.jsonl", lines=True, dtype=False).head(6)
    posts.to_json(d / "posts.jsonl", orient="records", lines=True, force_ascii=False)
    shutil.copytree(CORPORA / "no_dates", d / "path" / "to" / "articles")
    docs = corpus.load(CORPORA / "news_multi" / "articles.csv").head(6)
    (d / "shards").mkdir()
    for i, part in enumerate((docs.iloc[:3], docs.iloc[3:])):
        part.to_parquet(d / "shards" / f"2024-{i:02d}.parquet", index=False)
    (d / "outputs").mkdir()
    return d


@pytest.fixture(scope="module")
def scheduler():
    client = scale.start("dask", n_workers=1)
    try:
        yield client.scheduler.address
    finally:
        client.close()
        client.cluster.close()


@pytest.mark.parametrize("command", [c for c in COMMANDS if c.startswith(".venv/bin/framelens")])
def test_each_framelens_command_runs_as_written(command, workdir, request):
    argv = shlex.split(command)
    if "tcp://scheduler:8786" in argv:
        address = request.getfixturevalue("scheduler")
        argv = [address if a == "tcp://scheduler:8786" else a for a in argv]
    argv = [sys.executable, "-m", "framelens.cli", *argv[1:]]
    if argv[3] == "run":
        argv.append("--quiet")
    r = subprocess.run(argv, cwd=workdir, capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, f"{command}\n{r.stderr[-2000:]}"
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize("command", [c for c in COMMANDS if c.startswith("make ")])
def test_each_make_command_is_a_target(command):
    target = command.split()[1]
    r = subprocess.run(
        ["make", "-n", "-C", str(ROOT), target], capture_output=True, text=True, timeout=60
    )
    assert r.returncode == 0, r.stderr
