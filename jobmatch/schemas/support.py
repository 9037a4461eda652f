"""Support claims as officers record them from a receipt; loan dossiers as officers prepare and follow them."""
from marshmallow import ValidationError, fields, validate, validates_schema

from jobmatch.i18n import N_
from jobmatch.rules.clock import vietnam_today
from jobmatch.rules.loan import LOAN_KINDS
from jobmatch.rules.support import COMMITMENTS
from jobmatch.schemas.base import BaseSchema
from jobmatch.schemas.fields import Amount, Text
from jobmatch.schemas.overseas import CODE, plausible_day
from jobmatch.schemas.vacancy import NOT_A_CHOICE


class SupportClaimSchema(BaseSchema):
    item = fields.String(required=True, validate=CODE, metadata={"description": "The scheme's item, e.g. language_training"})
    quantity = fields.Integer(load_default=1, validate=validate.Range(min=1, max=366, error=N_("From 1 to 366.")),
                              metadata={"description": "Days or months, for items paid per day or per month; else 1"})
    amount_vnd = Amount(required=True, metadata={"description": "The amount on the receipt, in đồng"})
    claimed_on = fields.Date(load_default=vietnam_today, validate=plausible_day)
    receipt_number = Text(60, required=True)
    receipt_date = fields.Date(required=True, validate=plausible_day)
    receipt_issuer = Text(200, required=True, metadata={"description": "Who issued the receipt, e.g. the training school"})
    document_seen = Text(300, required=True, metadata={"description": "The document the officer saw, e.g. the invoice"})
    commitment = fields.String(load_default=None, allow_none=True, validate=validate.OneOf(COMMITMENTS, error=NOT_A_CHOICE), metadata={
        "description": "For training support: a self-employment plan certified by the commune, or an employer's commitment"})

    @validates_schema
    def receipt_before_claim(self, data, **kwargs):
        claimed_on, receipt_date = data.get("claimed_on"), data.get("receipt_date")
        if claimed_on and claimed_on > vietnam_today():
            raise ValidationError(N_("A claim is recorded on the day it is made, not ahead."), "claimed_on")
        if claimed_on and receipt_date and receipt_date > claimed_on:
            raise ValidationError(N_("The receipt is dated after the claim."), "receipt_date")


class LoanDossierSchema(BaseSchema):
    kind = fields.String(required=True, validate=validate.OneOf(LOAN_KINDS, error=NOT_A_CHOICE))
    amount_vnd = Amount(required=True, metadata={"description": "The loan asked for, in đồng"})
    costs_vnd = Amount(required=True, metadata={"description": "What the worker pays before departure under the contract"})
    term_months = fields.Integer(required=True, validate=validate.Range(min=1, max=120, error=N_("From 1 to 120 months.")))
    bank_branch = Text(200, required=True, metadata={"description": "The bank's branch where the worker lives"})


class LoanDossierMoveSchema(BaseSchema):
    status = fields.String(required=True, validate=validate.OneOf(("submitted", "approved", "disbursed", "refused"), error=NOT_A_CHOICE))
    happened_on = fields.Date(load_default=vietnam_today, validate=plausible_day)
    approved_amount_vnd = Amount(load_default=None, allow_none=True)
    refusal_reason = Text(300, load_default=None, allow_none=True)
