"""The one way a message leaves the site: by email (SMTP), or by SMS through a gateway when one is configured. A
provider is added by registering a gateway under a name (SMS_GATEWAYS) and setting JOBMATCH_SMS_GATEWAY to it; without
one, a person who chose SMS reads their messages on the site, where every notification stays anyway."""
import smtplib
from email.message import EmailMessage

from flask import current_app

from jobmatch.models.account import NOTIFICATION_CHANNELS

# name → a function send(phone, text) that raises OSError when the provider cannot take the message now.
SMS_GATEWAYS = {}


class SendingError(Exception):
    """The channel could not take the message now (the server or gateway refused or did not answer): try again later."""


def register_sms_gateway(name, send):
    SMS_GATEWAYS[name] = send


def _sms_gateway():
    return SMS_GATEWAYS.get(current_app.config["SMS_GATEWAY"] or "")


def channels_offered():
    """The channels a person may choose among here: the site always; email when a mail server is set; SMS with a gateway."""
    config = current_app.config
    offered = {"site": True, "email": bool(config["SMTP_HOST"]), "sms": _sms_gateway() is not None}
    return [channel for channel in NOTIFICATION_CHANNELS if offered[channel]]


def channel_for(account):
    """Where the account's messages go now: its choice when that channel is configured and it has the address for it;
    email by default when it has an address; otherwise only the site."""
    offered = channels_offered()
    reachable = {"site": True, "email": bool(account.email), "sms": bool(account.phone)}
    choice = account.notify_by or "email"
    return choice if choice in offered and reachable[choice] else "site"


def send(account, *, channel, subject, body, headers=None):
    """Send one message by email or SMS; SendingError when the channel cannot take it now."""
    try:
        if channel == "email":
            _send_email(account.email, subject=subject, body=body, headers=headers or {})
        elif channel == "sms":
            _sms_gateway()(account.phone, body)
        else:
            raise ValueError(channel)
    except (OSError, smtplib.SMTPException) as error:
        raise SendingError(channel) from error


def _send_email(address, *, subject, body, headers):
    config = current_app.config
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = config["MAIL_FROM"], address, subject
    for name, value in headers.items():
        message[name] = value
    message.set_content(body)
    with smtplib.SMTP(config["SMTP_HOST"], config["SMTP_PORT"], timeout=10) as smtp:
        if config["SMTP_STARTTLS"]:
            smtp.starttls()
        if config["SMTP_USER"]:
            smtp.login(config["SMTP_USER"], config["SMTP_PASSWORD"])
        smtp.send_message(message)
