"""Block the network for every Python process the tests start (kernels included).

Imported automatically by Python when this folder is on PYTHONPATH (tests/conftest.py puts
it there) and FRAMELENS_BLOCK_NETWORK=1. Any connection to a non-loopback address raises
OSError and is appended to the file named by FRAMELENS_NETWORK_LOG, which the test session
checks at the end: one attempted download fails the run.
"""

import os
import socket

if os.environ.get("FRAMELENS_BLOCK_NETWORK") == "1":
    _LOG = os.environ.get("FRAMELENS_NETWORK_LOG", "")
    _connect = socket.socket.connect
    _connect_ex = socket.socket.connect_ex
    _getaddrinfo = socket.getaddrinfo

    def _local(host) -> bool:
        host = str(host)
        return host in ("localhost", "::1", "0.0.0.0", "") or host.startswith("127.")

    def _refuse(what):
        if _LOG:
            with open(_LOG, "a", encoding="utf-8") as fh:
                fh.write(f"pid {os.getpid()}: {what}\n")
        raise OSError(f"network access blocked by the framelens test suite: {what}")

    def _guard_connect(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _local(address[0]):
            _refuse(f"connect {address!r}")
        return _connect(self, address)

    def _guard_connect_ex(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _local(address[0]):
            _refuse(f"connect {address!r}")
        return _connect_ex(self, address)

    def _guard_getaddrinfo(host, *args, **kwargs):
        if host is not None and not _local(host):
            _refuse(f"resolve {host!r}")
        return _getaddrinfo(host, *args, **kwargs)

    socket.socket.connect = _guard_connect
    socket.socket.connect_ex = _guard_connect_ex
    socket.getaddrinfo = _guard_getaddrinfo
