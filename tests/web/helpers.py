"""Page-test helpers: CSRF tokens from the pages themselves, signing in through the sign-in form or directly."""
import re
import time

from tests.factories import PASSWORD


def csrf_token(client, path="/sign-in"):
    page = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def post_form(client, path, data, token_from="/sign-in"):
    """POST a form the way a browser does, with the session's CSRF token."""
    return client.post(path, data={"csrf_token": csrf_token(client, token_from), **data})


def sign_in(client, account, password=PASSWORD):
    response = post_form(client, "/sign-in", {"login": account.email or account.phone, "password": password})
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    return response


def start_session(client, account):
    """A signed-in session cookie for the account without going through the form (for tests about something else)."""
    now = time.time()
    with client.session_transaction() as session:
        session.update({"_user_id": account.get_id(), "_fresh": True, "signed_in_at": now, "seen_at": now})
