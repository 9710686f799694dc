"""The route to access of the demo's real datasets, from each custodian's public guidance, and dated counts.

Only facts stated in that guidance are filled in; the rest stay blank and read "Not yet known: ask the
custodian" on the site, as they would for a curator who could not confirm them. Facts were read from the
custodian's pages on CHECKED_ON by the portal's curators, which is what "confirmed by" says.
"""

import datetime

CHECKED_ON = datetime.date(2026, 11, 27)
CHECKED_BY = "N8 portal curators, from the custodian’s published guidance"

DFE_GUIDANCE = "https://www.gov.uk/guidance/apply-for-department-for-education-dfe-personal-data"
ONS_ACCREDITATION = (
    "https://www.ons.gov.uk/aboutus/whatwedo/statistics/requestingstatistics/secureresearchservice"
)
NHS_DARS = "https://digital.nhs.uk/services/data-access-request-service-dars"
UKDS_REGISTER = "https://ukdataservice.ac.uk/find-data/access-conditions/"
UKDS_SECURE_LAB = "https://ukdataservice.ac.uk/find-data/access-conditions/secure-lab/"

# Department for Education data: its guidance sends researchers to the ONS Research Accreditation Service
# and the ONS Secure Research Service, or else to DfE's own data sharing service.
DFE_ROUTE = {
    "access_service": "secure-environment",
    "trusted_research_environment": "ONS Secure Research Service",
    "access_decided_by": "The ONS Research Accreditation Service under the Digital Economy Act, or else "
    "the DfE data sharing service",
    "data_controller": "Department for Education",
    "data_processor": "Office for National Statistics (provider of the Secure Research Service)",
    "jurisdiction": "GB-ENG",
    "who_may_apply": ["uk-researchers", "government"],
    "access_conditions": ["accredited-researcher", "training"],
    "access_url": DFE_GUIDANCE,
    "steps": [
        (
            "Check which route applies",
            "DfE’s guidance lists the datasets the ONS Research Accreditation Service can approve; others "
            "go through the DfE data sharing service.",
            DFE_GUIDANCE,
        ),
        (
            "Become an accredited researcher",
            "Researchers using the Secure Research Service are accredited under the Digital Economy Act, "
            "after safe researcher training.",
            ONS_ACCREDITATION,
        ),
        (
            "Have the project approved",
            "Apply with a project proposal through the route that applies.",
            DFE_GUIDANCE,
        ),
        (
            "Analyse the data in the Secure Research Service",
            "The de-identified data is analysed inside the ONS Secure Research Service; results are checked "
            "before they leave it.",
            ONS_ACCREDITATION,
        ),
    ],
}

# NHS England's record-level data is requested through its Data Access Request Service (DARS).
NHS_ENGLAND_ROUTE = {
    "access_service": "on-request",
    "access_decided_by": "NHS England, through its Data Access Request Service",
    "data_controller": "NHS England",
    "jurisdiction": "GB-ENG",
    "access_conditions": ["data-sharing-agreement"],
    "access_url": NHS_DARS,
    "steps": [
        ("Read the Data Access Request Service guidance", "", NHS_DARS),
        ("Submit an application", "Describe the purpose, the data needed and the legal basis.", NHS_DARS),
        ("Sign a data sharing agreement", "Data is released once the agreement is in place.", NHS_DARS),
    ],
}

# Studies deposited with the UK Data Service under its End User Licence: registered users download them.
UKDS_SAFEGUARDED = {
    "access_service": "data-service",
    "trusted_research_environment": "UK Data Service",
    "jurisdiction": "GB",
    "who_may_apply": ["uk-researchers", "students", "international"],
    "access_conditions": ["none"],
    "cost": "free",
    "cost_note": "No charge for registered users of the UK Data Service",
    "access_url": UKDS_REGISTER,
    "weeks_to_access_from": 0,
    "weeks_to_access_to": 1,
    "steps": [
        (
            "Register with the UK Data Service",
            "With an account at a UK university or by asking for one.",
            UKDS_REGISTER,
        ),
        ("Agree to the End User Licence and download the data", "", UKDS_REGISTER),
    ],
}

ROUTES = {
    "national-pupil-database": DFE_ROUTE,
    "early-years-foundation-stage-profile": DFE_ROUTE,
    "children-in-need-census": {
        **DFE_ROUTE,
        "access_service": "on-request",
        "trusted_research_environment": "",
    },
    "children-looked-after-return": {
        **DFE_ROUTE,
        "access_service": "on-request",
        "trusted_research_environment": "",
    },
    "hospital-episode-statistics": NHS_ENGLAND_ROUTE,
    "mental-health-services-data-set": NHS_ENGLAND_ROUTE,
    "maternity-services-data-set": NHS_ENGLAND_ROUTE,
    "community-services-data-set": NHS_ENGLAND_ROUTE,
    "national-child-measurement-programme": {
        # The published statistics are open; record-level data goes through NHS England as above.
        "access_service": "aggregates",
        "access_decided_by": "NHS England, through its Data Access Request Service, for record-level data",
        "data_controller": "Department of Health and Social Care (national level)",
        "data_processor": "NHS England",
        "jurisdiction": "GB-ENG",
        "who_may_apply": ["anyone"],
        "cost": "free",
        "cost_note": "The published statistics; record-level data is requested as for other NHS England data",
        "weeks_to_access_from": 0,
        "weeks_to_access_to": 0,
        "steps": [
            (
                "Download the published statistics",
                "Annual results by local authority, for Reception and Year 6.",
                "https://digital.nhs.uk/services/national-child-measurement-programme/",
            ),
            ("For record-level data, apply to the Data Access Request Service", "", NHS_DARS),
        ],
        "observations": [],
    },
    "child-and-maternal-health-profiles": {
        "access_service": "open-download",
        "trusted_research_environment": "Fingertips",
        "jurisdiction": "GB-ENG",
        "who_may_apply": ["anyone"],
        "access_conditions": ["none"],
        "cost": "free",
        "access_url": "https://fingertips.phe.org.uk/",
        "weeks_to_access_from": 0,
        "weeks_to_access_to": 0,
        "steps": [("Browse or download the indicators", "", "https://fingertips.phe.org.uk/")],
    },
    "millennium-cohort-study": {
        **UKDS_SAFEGUARDED,
        "data_controller": "UCL Centre for Longitudinal Studies",
        "steps": [
            *UKDS_SAFEGUARDED["steps"],
            (
                "For linked or more detailed data, apply for Secure Access",
                "Linked health records and detailed geography are analysed in the UK Data Service Secure "
                "Lab after approval by the data owner and safe researcher training.",
                UKDS_SECURE_LAB,
            ),
        ],
        "observations": [
            ("individuals", 19_000, datetime.date(2002, 12, 31), "Children in the first sweep (approximate)")
        ],
    },
    "next-steps": {
        **UKDS_SAFEGUARDED,
        "data_controller": "UCL Centre for Longitudinal Studies",
        "observations": [
            (
                "individuals",
                16_000,
                datetime.date(2004, 12, 31),
                "Young people in the first wave (approximate)",
            )
        ],
    },
    "understanding-society": {**UKDS_SAFEGUARDED, "data_controller": "University of Essex"},
    "born-in-bradford": {
        "access_service": "on-request",
        "access_decided_by": "The Born in Bradford team",
        "data_controller": "Bradford Teaching Hospitals NHS Foundation Trust",
        "jurisdiction": "GB-ENG",
        "who_may_apply": ["uk-researchers", "international"],
        "access_url": "https://borninbradford.nhs.uk/",
        "steps": [
            (
                "Send a proposal to the Born in Bradford team",
                "The study website explains how to request data.",
                "https://borninbradford.nhs.uk/",
            ),
        ],
        "observations": [
            (
                "individuals",
                13_700,
                datetime.date(2011, 12, 31),
                "Children recruited 2007–2011 (approximate)",
            ),
        ],
    },
    "born-in-bradfords-better-start": {
        "access_service": "on-request",
        "access_decided_by": "The Born in Bradford team",
        "data_controller": "Bradford Teaching Hospitals NHS Foundation Trust",
        "jurisdiction": "GB-ENG",
    },
    "connected-bradford": {
        "access_service": "secure-environment",
        "access_decided_by": "Bradford Institute for Health Research, on a project proposal",
        "jurisdiction": "GB-ENG",
    },
    "echild": {
        "access_service": "secure-environment",
        "trusted_research_environment": "ONS Secure Research Service",
        "jurisdiction": "GB-ENG",
        "access_conditions": ["accredited-researcher"],
    },
    "cprd": {
        "access_service": "on-request",
        "access_decided_by": "CPRD, on a research protocol",
        "jurisdiction": "GB",
        "cost": "charged",
        "access_url": "https://www.cprd.com/",
    },
    "alspac": {
        "access_service": "on-request",
        "access_decided_by": "The ALSPAC executive, on a proposal",
        "data_controller": "University of Bristol",
        "jurisdiction": "GB",
        "cost": "charged",
        "access_url": "https://www.bristol.ac.uk/alspac/researchers/access/",
    },
    "national-child-mortality-database": {
        "access_service": "on-request",
        "access_decided_by": "The NCMD team",
        "jurisdiction": "GB-ENG",
    },
}
