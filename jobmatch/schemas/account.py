"""Sign-up, sign-in, password change, staff accounts and API tokens."""
from marshmallow import ValidationError, fields, post_load, validate

from jobmatch.i18n import N_
from jobmatch.models.account import NOTIFICATION_CHANNELS, ROLES
from jobmatch.schemas.base import BaseSchema, form_check
from jobmatch.schemas.fields import CitizenId, Email, Id, Phone, TaxCode, Text, UtcDateTime, normalize_phone, ward_code
from jobmatch.schemas.vacancy import NOT_A_CHOICE

# Length is checked by the service with the common-password list; here only an upper bound against huge inputs.
Password = lambda **kwargs: fields.String(validate=validate.Length(max=1000), **kwargs)  # noqa: E731
EMPLOYER_SIZES = ("micro", "small", "medium", "large")


class LoginSchema(BaseSchema):
    """An email address or phone number as an account signs in with it."""

    login = Text(254, required=True, metadata={"description": "Email address or phone number"})

    @post_load
    def _normalize(self, data, **kwargs):
        # A phone number signs in in any of its forms: 0912 345 678 is the account's +84912345678.
        login = data["login"]
        data["login"] = login.lower() if "@" in login else (normalize_phone(login) or login)
        return data


class SignInSchema(LoginSchema):
    password = Password(required=True)


class ResetWithCodeSchema(LoginSchema):
    code = Text(8, required=True)
    new_password = Password(required=True)


class NewPasswordSchema(BaseSchema):
    new_password = Password(required=True)


@form_check("email", "phone")
def _reachable(schema, data, **kwargs):
    if not data.get("email") and not data.get("phone"):
        raise ValidationError(N_("Give a phone number or an email address to sign in with."), field_name="phone")


class JobSeekerSignUpSchema(BaseSchema):
    """The first, short page of a job seeker's sign-up; the rest of the profile follows a step at a time."""

    full_name = Text(120, required=True)
    phone = Phone(allow_none=True)
    email = Email(allow_none=True)
    password = Password(required=True)

    _reachable = _reachable


class EmployerSignUpSchema(BaseSchema):
    name = Text(200, required=True, metadata={"description": "Registered company name"})
    tax_code = TaxCode(required=True, metadata={"description": "Mã số thuế: 10 digits, or 10-3 for a branch"})
    sector = Text(100, allow_none=True)
    size = fields.String(allow_none=True, validate=validate.OneOf(EMPLOYER_SIZES, error=NOT_A_CHOICE))
    ward_code = ward_code(required=True)
    overseas_licence = Text(50, allow_none=True, metadata={"description": "Overseas-placement licence number (agencies only)"})
    overseas_licence_expires = fields.Date(allow_none=True)
    contact_name = Text(120, required=True)
    email = Email(required=True)
    phone = Phone(allow_none=True)
    password = Password(required=True)

    @form_check("overseas_licence", "overseas_licence_expires")
    def _licence_with_expiry(self, data, **kwargs):
        if bool(data.get("overseas_licence")) != bool(data.get("overseas_licence_expires")):
            raise ValidationError(N_("Give both the licence number and its expiry date."), field_name="overseas_licence_expires")


class ClaimProfileSchema(BaseSchema):
    citizen_id = CitizenId(required=True)
    claim_code = Text(8, required=True)
    email = Email(allow_none=True)
    phone = Phone(allow_none=True)
    password = Password(required=True)

    _reachable = _reachable


class PasswordChangeSchema(BaseSchema):
    current_password = Password(required=True)
    new_password = Password(required=True)


class StaffAccountSchema(BaseSchema):
    role = fields.String(required=True, validate=validate.OneOf(("officer", "admin"), error=NOT_A_CHOICE))
    display_name = Text(120, required=True)
    email = Email(required=True)
    phone = Phone(allow_none=True)
    centre_id = Id(allow_none=True)
    password = Password(required=True)


class AccountStateSchema(BaseSchema):
    disabled = fields.Boolean(load_default=False)
    reason = Text(300, load_default=None)


class NotificationChannelSchema(BaseSchema):
    notify_by = fields.String(required=True, validate=validate.OneOf(NOTIFICATION_CHANNELS, error=NOT_A_CHOICE))


class AccountSchema(BaseSchema):
    id = fields.Integer()
    role = fields.String(validate=validate.OneOf(ROLES))
    display_name = fields.String()
    email = fields.String(allow_none=True)
    phone = fields.String(allow_none=True)
    centre_id = fields.Integer(allow_none=True)
    employer_id = fields.Integer(allow_none=True)
    job_seeker_id = fields.Integer(allow_none=True)
    disabled = fields.Boolean()


class ApiTokenWriteSchema(BaseSchema):
    name = Text(80, required=True, metadata={"description": "What the token is for, e.g. \"HR system\""})


class ApiTokenSchema(BaseSchema):
    id = fields.Integer()
    name = fields.String()
    created_at = UtcDateTime()
    expires_at = UtcDateTime()
    last_used_at = UtcDateTime(allow_none=True)
    token = fields.String(metadata={"description": "Shown once, when the token is created"})
