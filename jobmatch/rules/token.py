"""Secrets handed to people (API tokens, claim codes): how they are made, and how they are kept (as hashes only)."""
import hashlib
import secrets


def token_hash(token):
    """What is stored of a token or code: its SHA-256, so a copy of the database hands no one a working secret."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_claim_code():
    """A code an officer reads out or prints for a walk-in: 8 letters and digits without look-alikes, and its hash."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    code = "".join(secrets.choice(alphabet) for _ in range(8))
    return code, token_hash(code)
