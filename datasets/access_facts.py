"""The access facts of a dataset, declared once: the editing form, the admin, the API, the CSV columns
and completeness scoring all read this list, so a fact added here appears everywhere."""

from dataclasses import dataclass


@dataclass(frozen=True)
class AccessFact:
    name: str
    # How a CSV cell gives it (the import page's help for the column).
    csv_help: str


ACCESS_FACT_LIST = [
    AccessFact(
        "access_service",
        "open-download, data-service, secure-environment, aggregates or on-request (or the words shown on the site).",
    ),
    AccessFact("trusted_research_environment", "The secure environment or data service’s name."),
    AccessFact("access_decided_by", "Who decides on applications, e.g. the data access committee."),
    AccessFact("data_controller", "The data controller."),
    AccessFact("data_processor", "The data processor."),
    AccessFact("jurisdiction", "GB-ENG, GB-WLS, GB-SCT, GB-NIR or GB (or England, United Kingdom…)."),
    AccessFact(
        "who_may_apply",
        "Separated by “; ”: uk-researchers, local-authority, nhs, government, students, commercial, "
        "international, anyone (or the words shown on the site).",
    ),
    AccessFact(
        "access_conditions",
        "Separated by “; ”: accredited-researcher, ethics-approval, data-sharing-agreement, training, "
        "none (or the words shown on the site). Blank when not known.",
    ),
    AccessFact("cost", "free, charged or on-request."),
    AccessFact("cost_note", "E.g. the charge, or who pays it."),
    AccessFact("access_instructions", "How to get access, in a paragraph."),
    AccessFact("access_url", "Where to apply: the application page or form."),
    AccessFact("weeks_to_access_from", "Typical weeks from applying to having the data, at least."),
    AccessFact("weeks_to_access_to", "Typical weeks, at most (the same as the least for one figure)."),
    AccessFact("access_confirmed_on", "When these facts were last confirmed, as 2025-06-30."),
    AccessFact("access_confirmed_by", "Who confirmed them: a team or role."),
]

ACCESS_FACTS = [fact.name for fact in ACCESS_FACT_LIST]
