"""Vacancies from a spreadsheet (CSV or XLSX): a preview of every row as it would be stored, with the occupation and
the ward understood and every error by row and column, and nothing stored until the employer confirms; then the valid
rows, in one transaction, as a batch of the API (services/vacancy_import.py)."""
from dataclasses import dataclass, field

from flask_babel import gettext
from sqlalchemy import select

from jobmatch.extensions import db
from jobmatch.models.place import Ward
from jobmatch.rules.vacancy_sheet import COLUMNS, read_sheet
from jobmatch.services import occupation as occupation_service
from jobmatch.services import place as place_service
from jobmatch.services import throttle
from jobmatch.services.vacancy_import import check_batch, importing_employer, post_vacancy_batch

HEADERS = {column.field: column.header for column in COLUMNS} | {"places": "Nơi làm việc", "ward_code": "Nơi làm việc", "_schema": ""}


@dataclass
class PreviewRow:
    number: int  # the spreadsheet's row number
    payload: dict  # as the batch takes it, the places as the cell writes them
    outcome: str  # "create", "update" or "refused"
    errors: dict = field(default_factory=dict)  # column header → [message]
    occupation: str | None = None  # "7212 – Thợ hàn" as understood
    occupation_suggested: bool = False
    place: str | None = None  # the places understood, "; " between them


@dataclass
class FilePreview:
    employer: object
    rows: list = field(default_factory=list)
    problems: list = field(default_factory=list)  # about the whole file: then no row is read
    empty_rows: int = 0

    @property
    def valid(self):
        return [row for row in self.rows if row.outcome != "refused"]


def preview_vacancy_file(*, actor, content, filename, employer_id=None):
    """Every row of an uploaded spreadsheet checked as the API checks a batch, nothing stored: what each would become
    (a new vacancy or an update of the one its reference names), its occupation (the coder's suggestion when the row
    has no code) and its ward, or its errors by column. A file that cannot be read says why. Counted against the
    employer's import limit, like a batch."""
    employer = importing_employer(actor, employer_id)
    throttle.count_check("vacancy_import", employer.id, "RATELIMIT_VACANCY_IMPORT")
    sheet = read_sheet(content, filename)
    preview = FilePreview(employer, problems=[gettext(message, **values) for message, values in sheet.problems],
                          empty_rows=sheet.empty_rows)
    if preview.problems:
        return preview
    payloads, cell_errors = [], []
    for row in sheet.rows:
        payload = dict(row.payload)
        errors = {header: [gettext(message, **values) for message, values in found] for header, found in row.errors.items()}
        payloads.append(payload)
        cell_errors.append(errors)
    checked = check_batch(employer, payloads)
    codes = {item.fields["isco_code"] for item in checked if item.fields}
    occupations = occupation_service.group_labels(codes)
    names = _place_names({place.get("ward_code") or place.get("province_code")
                          for item in checked for place in item.fields.get("places") or []})
    for row, payload, errors, item in zip(sheet.rows, payloads, cell_errors, checked, strict=True):
        for name, messages in item.errors.items():
            header = HEADERS.get(name, name)
            if header not in errors:  # a cell that could not be read is not also "missing"
                errors[header] = messages
        code = item.fields.get("isco_code")
        preview.rows.append(PreviewRow(
            row.number, {key: value for key, value in payload.items() if value is not None}, "refused" if errors else item.outcome,
            errors, f"{code} – {occupations[code][0]}" if code in occupations else None, bool(item.occupation_suggested),
            "; ".join(names[place.get("ward_code") or place.get("province_code")] for place in item.fields.get("places") or [])
            or None,
        ))
    return preview


def _place_names(codes):
    """{code: "Phường Ba Đình, Thành phố Hà Nội" or "Thành phố Hà Nội (cả tỉnh)"} of wards and whole provinces."""
    names = {ward.code: ward.label for ward in db.session.scalars(select(Ward).where(Ward.code.in_(codes)))}
    whole = {province.code: gettext("%(province)s (whole province)", province=province.name)
             for province in place_service.list_provinces() if province.code in codes}
    return names | whole


def import_vacancy_rows(*, actor, payloads, employer_id=None):
    """The rows a preview found valid, stored as one batch: checked again, the valid ones in one transaction."""
    return post_vacancy_batch(actor=actor, vacancies=payloads, employer_id=employer_id)
