"""Account endpoints: who the token belongs to, and the token itself."""
from flask import request

from jobmatch.api import Blueprint, actor, protected
from jobmatch.schemas.account import AccountSchema
from jobmatch.services import account as account_service
from jobmatch.services.authorization import authorize

blp = Blueprint("api_account", __name__, url_prefix="/api/v1/account", description="The account behind the bearer token")


@blp.route("")
@protected(blp)
@blp.response(200, AccountSchema)
def get_account():
    """The account this token belongs to. Tokens are created and listed on the account page."""
    account = actor()
    authorize(account, "api_token.manage")
    return account


@blp.route("/token", methods=["DELETE"])
@protected(blp)
@blp.response(204)
def revoke_current_token():
    """Revoke the token this request carries."""
    account_service.revoke_presented_token(actor=actor(), token=request.headers.get("Authorization", "").partition(" ")[2].strip())
