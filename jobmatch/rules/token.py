"""Secrets handed to people (API tokens, claim codes): how they are made, and how they are kept (as hashes only)."""
import hashlib
import hmac
import secrets

CLAIM_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no look-alikes (0/O, 1/I)


def token_hash(token):
    """What is stored of an API token: its SHA-256, so a copy of the database hands no one a working secret. A token
    carries 256 random bits, far beyond any search of the hash, so it needs no key (and survives a change of keys)."""
    return hashlib.sha256(token.encode()).hexdigest()


def claim_code_hash(code, key):
    """What is stored of a claim code: its HMAC-SHA-256 under a key kept outside the database. A code has only 40 bits,
    which anyone holding a plain hash could search in minutes; without the key the stored value tells nothing."""
    return hmac.new(key.encode(), code.encode(), hashlib.sha256).hexdigest()


def new_claim_code(key):
    """A code an officer reads out or prints for a walk-in: 8 letters and digits without look-alikes, and its keyed hash."""
    code = "".join(secrets.choice(CLAIM_CODE_ALPHABET) for _ in range(8))
    return code, claim_code_hash(code, key)
