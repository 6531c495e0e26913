"""A throwaway PostgreSQL server for the tests (initdb + pg_ctl on loopback, fsync off).

``VESTNIK_TEST_POSTGRES_URL`` points the tests at a server you run yourself instead (its user must be
allowed to create databases). Without server binaries the PostgreSQL tests are skipped, unless
``VESTNIK_REQUIRE_POSTGRES=1`` (CI sets it) turns that into a failure.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _bindir() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[-3]))
    return Path(versions[-1]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _unavailable(why: str) -> None:
    msg = f"{why}; install the PostgreSQL server (e.g. `apt-get install postgresql`) or set VESTNIK_TEST_POSTGRES_URL"
    if os.environ.get("VESTNIK_REQUIRE_POSTGRES") == "1":
        pytest.fail(msg)
    pytest.skip(msg)


@contextmanager
def server(workdir: Path) -> Iterator[str]:
    """Yields an admin URL (``postgresql+psycopg://vestnik@127.0.0.1:PORT/postgres``)."""
    given = os.environ.get("VESTNIK_TEST_POSTGRES_URL")
    if given:
        yield given
        return
    bindir = _bindir()
    if bindir is None:
        _unavailable("no PostgreSQL server binaries (pg_ctl) found")
    as_user: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root: use its own system user
        try:
            shutil.chown(workdir, user="postgres")
        except (LookupError, PermissionError) as e:
            _unavailable(f"running as root and cannot hand {workdir} to the 'postgres' user ({e})")
        as_user = ["runuser", "-u", "postgres", "--"]
    data, port = workdir / "data", _free_port()
    subprocess.run([*as_user, str(bindir / "initdb"), "-D", str(data), "-U", "vestnik", "--auth=trust",
                    "-E", "UTF8", "--locale=C.UTF-8"], check=True, capture_output=True)
    opts = (f"-p {port} -k {workdir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off "
            "-c synchronous_commit=off")
    subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(workdir / "log"),
                    "-w", "start"], check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://vestnik@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)


def new_database(admin_url: str) -> str:
    """A fresh empty database on the server; its URL."""
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(admin_url)
    name = "vt_" + uuid.uuid4().hex[:12]
    dsn = url.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return url.set(database=name).render_as_string(hide_password=False)
