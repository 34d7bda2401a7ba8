"""A TCP proxy that fails the database connections through it, as Neon and its pooler do."""

from __future__ import annotations

import contextlib
import socket
import threading


class FaultProxy:
    """A TCP proxy on loopback in front of PostgreSQL that can fail the connections through it.

    `freeze()`: bytes stop flowing both ways on the open connections, with no FIN or RST, as
    when a network path or a NAT silently drops a connection; later connections flow normally.
    `cut_statements(n)`: the next n statements sent, on any connection, close that connection
    instead, as a server connection that died unnoticed in the pooler's hands does.
    `lose_answers(marker, n)`: the next n statements whose text holds `marker` reach the server,
    which carries them out, but their answers never come back: the connection is closed when the
    server says it is idle again (its ReadyForQuery, status I: the statement's transaction is
    over), as when a compute or the path to it fails just after a write. `lost` counts them;
    `lost_after_commit` those whose swallowed answer held no error before that ReadyForQuery,
    so the server had committed the statement when its answer was lost.
    `hold()`: what the app sends waits in the proxy, on every connection (new ones too), until
    `release()`: a database that has stopped answering for a moment.
    """

    # ReadyForQuery with status I (idle, in no transaction): the server's last message once a
    # statement sent in autocommit, or a pipeline that ends in COMMIT, is done. While a
    # connection's answers are swallowed it comes only after the lost statement: the app waits
    # for each answer before it sends its next statement, so the swallowed answer also starts
    # at a message's start.
    IDLE = b"Z\x00\x00\x00\x05I"

    def __init__(self, upstream: tuple[str, int]) -> None:
        self.upstream = upstream
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.generation = 0
        self.cuts_left = 0
        self.losses_left = 0
        self.lost = 0
        self.lost_after_commit = 0
        self.marker = b""
        self.flowing = threading.Event()
        self.flowing.set()
        self.lock = threading.Lock()
        self.sockets: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.upstream)
            self.sockets += [client, server]
            generation = self.generation
            # Whether this connection's answers are being swallowed.
            losing = threading.Event()
            for a, b in ((client, server), (server, client)):
                args = (a, b, generation, a is client, losing)
                threading.Thread(target=self._pump, args=args, daemon=True).start()

    def _pump(
        self,
        source: socket.socket,
        target: socket.socket,
        generation: int,
        upstream: bool,
        losing: threading.Event,
    ) -> None:
        swallowed = b""  # the lost answer's messages not yet read whole
        failed = False  # whether the lost answer held an ErrorResponse
        while True:
            try:
                data = source.recv(65536)
            except OSError:
                # A reset: the server's backend was gone before it read what was sent to it
                # (every backend terminated). The other end hears of it, as over a real path,
                # instead of waiting for an answer that cannot come.
                self._close_both(source, target)
                return
            if not data:
                with contextlib.suppress(OSError):
                    target.shutdown(socket.SHUT_WR)  # pass the end of the stream on
                return
            if upstream and self._cut(data):
                for sock in (source, target):
                    with contextlib.suppress(OSError):
                        sock.shutdown(socket.SHUT_RDWR)
                return
            if upstream and self._loses(data):
                losing.set()
            if not upstream and losing.is_set():
                swallowed += data
                # Each message: a type byte, then its length (itself included) in 4 bytes.
                while len(swallowed) >= 5:
                    end = 1 + int.from_bytes(swallowed[1:5], "big")
                    if len(swallowed) < end:
                        break
                    message, swallowed = swallowed[:end], swallowed[end:]
                    failed = failed or message[:1] == b"E"
                    if message == self.IDLE:
                        if not failed:
                            with self.lock:
                                self.lost_after_commit += 1
                        self._close_both(source, target)
                        return
                continue
            if upstream:
                self.flowing.wait()
            if generation == self.generation:  # frozen connections swallow what they get
                try:
                    target.sendall(data)
                except OSError:
                    self._close_both(source, target)
                    return

    def _cut(self, data: bytes) -> bool:
        # A statement starts with Query, Parse or Bind; a connection's start-up and password
        # messages do not, so new connections still open.
        with self.lock:
            if self.cuts_left and data[:1] in (b"Q", b"P", b"B"):
                self.cuts_left -= 1
                return True
            return False

    def _loses(self, data: bytes) -> bool:
        with self.lock:
            if self.losses_left and self.marker in data:
                self.losses_left -= 1
                self.lost += 1
                return True
            return False

    @staticmethod
    def _close_both(*sockets: socket.socket) -> None:
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def lose_answers(self, marker: bytes, count: int) -> None:
        with self.lock:
            self.marker, self.losses_left = marker, count

    def hold(self) -> None:
        self.flowing.clear()

    def release(self) -> None:
        self.flowing.set()

    def freeze(self) -> None:
        self.generation += 1

    def cut_statements(self, count: int) -> None:
        with self.lock:
            self.cuts_left = count

    def close(self) -> None:
        self.listener.close()
        for sock in self.sockets:
            sock.close()
