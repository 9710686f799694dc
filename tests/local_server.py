"""A real HTTP server on 127.0.0.1, in a thread, standing in for a service the portal calls (ORCID, a
catalogue): the portal's own HTTP code runs as in production, timeouts included."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A client that gave up waiting (a timeout under test) leaves a broken pipe: expected.
        pass


class StubHandler(BaseHTTPRequestHandler):
    """A handler that answers with `reply` and keeps the test output quiet."""

    def reply(self, status: int, body: bytes, content_type: str) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting, as it should

    def log_message(self, *args):
        pass


@contextmanager
def serving(handler: type[BaseHTTPRequestHandler]) -> Iterator[QuietServer]:
    """Serves `handler` on a free port; the server has `url` (no trailing slash) and a `requests` list
    for the handler to record what it was asked."""
    server = QuietServer(("127.0.0.1", 0), handler)
    server.requests = []
    server.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
