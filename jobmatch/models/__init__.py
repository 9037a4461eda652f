"""SQLAlchemy models, one module per noun; importing this package registers every table."""
from jobmatch.models.employer import Employer
from jobmatch.models.job_seeker import JobSeeker, PriorityStatus
from jobmatch.models.occupation import EscoOccupation, IscoGroup
from jobmatch.models.place import LegacyWard, Province, Ward
from jobmatch.models.search_outbox import SearchOutbox
from jobmatch.models.vacancy import Vacancy

__all__ = [
    "Employer",
    "EscoOccupation",
    "IscoGroup",
    "JobSeeker",
    "LegacyWard",
    "PriorityStatus",
    "Province",
    "SearchOutbox",
    "Vacancy",
    "Ward",
]
