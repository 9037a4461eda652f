"""Throttles per account, login or citizen ID, counted in the rate limits' shared store (Redis: every worker sees one
count): backoff on guesses at a secret, and a limit on checks of a citizen ID."""
import hashlib
import math
import time

from flask import current_app
from limits import parse

from jobmatch.extensions import limiter
from jobmatch.services.errors import TooManyAttempts

# A run of failed guesses is forgotten this long after its first guess, or at once on a right one.
GUESS_MEMORY_S = 24 * 3600


def _key(scope, target):
    """A storage key that carries no login, phone or citizen ID in clear."""
    return f"throttle:{scope}:{hashlib.sha256(str(target).encode()).hexdigest()[:32]}"


def wait_before_guess(number):
    """How long the guess after guess `number` must wait: nothing within BACKOFF_FREE_GUESSES, then BACKOFF_FIRST_WAIT_S,
    doubling with every further guess up to BACKOFF_LONGEST_WAIT_S."""
    config = current_app.config
    beyond = number - config["BACKOFF_FREE_GUESSES"]
    if beyond < 0:
        return 0
    return min(config["BACKOFF_FIRST_WAIT_S"] * 2 ** min(beyond, 32), config["BACKOFF_LONGEST_WAIT_S"])


def begin_guess(scope, target):
    """Take a turn to guess the secret of this target (the password of an account, the claim code of a citizen ID), or
    raise TooManyAttempts while a wait is in force. Every guess is counted before it is checked, atomically, so that
    concurrent guesses on any number of workers get exactly the turns the policy gives; a right guess calls
    guessed_right. The same holds for a target that does not exist, so that the throttle tells nothing about it."""
    storage = limiter.storage
    count_key, wait_key = _key(scope, target), _key(scope, target) + ":wait"
    number = storage.incr(count_key, GUESS_MEMORY_S)
    wait = wait_before_guess(number)
    if not wait:
        return
    # The first to arrive after the last wait ended takes this turn and starts the next wait; the others give their
    # number back, so that refused guesses do not lengthen the waits.
    if storage.incr(wait_key, math.ceil(wait)) == 1:
        return
    storage.incr(count_key, GUESS_MEMORY_S, amount=-1)
    raise TooManyAttempts(max(1, math.ceil(storage.get_expiry(wait_key) - time.time())))


def guessed_right(scope, target):
    """The secret was right: the run of failed guesses and any wait end."""
    storage = limiter.storage
    storage.clear(_key(scope, target))
    storage.clear(_key(scope, target) + ":wait")


def count_check(scope, target, limit_setting):
    """Count one check (for instance of a citizen ID) against the configured limit, such as "5 per day"; raise
    TooManyAttempts when it is used up."""
    limit = parse(current_app.config[limit_setting])
    if not limiter.limiter.hit(limit, scope, _key(scope, target)):
        reset_at, _remaining = limiter.limiter.get_window_stats(limit, scope, _key(scope, target))
        raise TooManyAttempts(max(1, math.ceil(reset_at - time.time())))
