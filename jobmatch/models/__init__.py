"""SQLAlchemy models, one module per noun; importing this package registers every table."""
from jobmatch.models.account import Account, ApiToken
from jobmatch.models.application import Application, ApplicationEvent, Placement, PlacementFollowUp
from jobmatch.models.audit import AuditEntry
from jobmatch.models.candidate_list import CandidateExposure, CandidateListView
from jobmatch.models.centre import Centre
from jobmatch.models.consent import Consent
from jobmatch.models.employer import Employer
from jobmatch.models.ethnic_group import EthnicGroup
from jobmatch.models.interview import Interview
from jobmatch.models.invitation import Invitation, ReferralRequest
from jobmatch.models.job_fair import JobFair, JobFairRegistration
from jobmatch.models.job_run import JobRun
from jobmatch.models.job_seeker import JobSeeker, PriorityStatus
from jobmatch.models.notification import Notification
from jobmatch.models.occupation import EscoOccupation, IscoGroup
from jobmatch.models.overseas import AgencyReport, OverseasCase, OverseasCaseEvent, Programme, ProgrammeVersion
from jobmatch.models.place import LegacyWard, Province, Ward
from jobmatch.models.reminder import ApplicationReminder
from jobmatch.models.saved_search import SavedSearch, SavedSearchAlert
from jobmatch.models.search_outbox import SearchOutbox
from jobmatch.models.stats import Plan, StatSnapshot
from jobmatch.models.support import LoanDossier, SupportClaim, SupportScheme, SupportSchemeVersion
from jobmatch.models.training import Enrolment, TrainingCourse, TrainingFollowUp, TrainingProvider
from jobmatch.models.training_survey import DemandSurvey, SkillNeed, TrainingWish
from jobmatch.models.vacancy import Vacancy
from jobmatch.models.vacancy_place import VacancyPlace

__all__ = [
    "Account",
    "AgencyReport",
    "ApiToken",
    "Application",
    "ApplicationEvent",
    "ApplicationReminder",
    "AuditEntry",
    "CandidateExposure",
    "CandidateListView",
    "DemandSurvey",
    "Centre",
    "Consent",
    "Employer",
    "Enrolment",
    "EscoOccupation",
    "EthnicGroup",
    "Interview",
    "Invitation",
    "IscoGroup",
    "JobFair",
    "JobFairRegistration",
    "JobRun",
    "JobSeeker",
    "LegacyWard",
    "LoanDossier",
    "Notification",
    "OverseasCase",
    "OverseasCaseEvent",
    "Placement",
    "PlacementFollowUp",
    "Plan",
    "PriorityStatus",
    "Programme",
    "ProgrammeVersion",
    "Province",
    "ReferralRequest",
    "SavedSearch",
    "SavedSearchAlert",
    "SearchOutbox",
    "SkillNeed",
    "StatSnapshot",
    "SupportClaim",
    "SupportScheme",
    "SupportSchemeVersion",
    "TrainingCourse",
    "TrainingFollowUp",
    "TrainingProvider",
    "TrainingWish",
    "Vacancy",
    "VacancyPlace",
    "Ward",
]
