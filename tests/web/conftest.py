"""Browser fixtures: the app served on a free port, and Debian's Chromium, headless, with a phone-sized screen; a real
SMTP server the app's mail goes to."""
import email
import socket
import threading

import pytest
from aiosmtpd.controller import Controller
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture
def site(app, indexes):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture
def phone():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 360, "height": 740}, is_mobile=True)
        yield page
        browser.close()


class Inbox:
    """What a real SMTP server received: each message, and every recipient."""

    def __init__(self):
        self.messages, self.recipients = [], []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.messages.append(email.message_from_bytes(envelope.content))
        self.recipients.extend(envelope.rcpt_tos)
        return "250 OK"


@pytest.fixture
def inbox(app):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = Inbox()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    app.config.update({"SMTP_HOST": "127.0.0.1", "SMTP_PORT": port, "SMTP_STARTTLS": False})
    yield handler
    app.config.update({"SMTP_HOST": None, "SMTP_PORT": 587, "SMTP_STARTTLS": True})
    controller.stop()
