"""Fictional researchers and projects for the demo directory, all marked as sample data.

Names are invented; emails use the reserved example.org domain; nobody has
an ORCID iD, so no real person is ever described.
"""

FIRST_NAMES = [
    "Amara",
    "Ben",
    "Chloe",
    "Dev",
    "Eilidh",
    "Farah",
    "Gareth",
    "Hana",
    "Isaac",
    "Jess",
    "Kofi",
    "Laila",
    "Morgan",
    "Nadia",
    "Owen",
    "Priya",
    "Quinn",
    "Rosa",
    "Sami",
    "Tess",
]
LAST_NAMES = [
    "Ashworth",
    "Bhatti",
    "Calder",
    "Dunmore",
    "Ellison",
    "Fairbairn",
    "Greaves",
    "Hussain",
    "Ibbotson",
    "Jowett",
    "Kershaw",
    "Lomax",
    "Mahmood",
    "Nuttall",
    "Oyelaran",
    "Pickles",
    "Quarmby",
    "Rafiq",
    "Sutcliffe",
    "Thwaite",
]

# Where the sample people work, in turn.
ORGANISATIONS = [
    "university-of-leeds",
    "university-of-manchester",
    "newcastle-university",
    "university-of-york",
    "university-of-sheffield",
    "university-of-liverpool",
    "lancaster-university",
    "durham-university",
    "bradford-institute-for-health-research",
    "bradford-council",
    "leeds-city-council",
    "manchester-city-council",
    "alder-hey-childrens-nhs-foundation-trust",
    "sheffield-childrens-nhs-foundation-trust",
    "newcastle-city-council",
    "barnardos",
]

# (job title, career stage, title) in turn.
ROLES = [
    ("Professor of Child Health", "senior", "Professor"),
    ("Lecturer in Data Science", "early", "Dr"),
    ("PhD student", "student", ""),
    ("Senior Public Health Analyst", "mid", ""),
    ("Research Fellow", "early", "Dr"),
    ("Reader in Education", "mid", "Dr"),
    ("Data Scientist", "mid", ""),
    ("Professor of Social Policy", "senior", "Professor"),
]

# (themes, expertise, methods) in turn.
INTERESTS = [
    (
        ["early-years", "school-readiness"],
        "school readiness, early language, child development",
        "cohort analysis, multilevel models",
    ),
    (
        ["machine-learning", "mental-health"],
        "prediction of mental health service use, CAMHS pathways",
        "machine learning, survival analysis, Python",
    ),
    (
        ["childrens-social-care", "children-looked-after"],
        "care leavers, children in need, placement stability",
        "administrative data, qualitative interviews",
    ),
    (
        ["data-linkage", "digital-health"],
        "record linkage, NHS data, data quality",
        "probabilistic linkage, SQL, R",
    ),
    (
        ["education", "special-educational-needs"],
        "SEND, exclusions, attendance, EHCP",
        "National Pupil Database analysis, causal inference",
    ),
    (
        ["poverty-and-cost-of-living", "physical-health"],
        "child poverty, free school meals, food insecurity",
        "econometrics, policy evaluation",
    ),
    (
        ["digital-humanities", "youth-justice"],
        "young people’s voices, youth justice, archives",
        "text analysis, oral history, natural language processing",
    ),
    (
        ["physical-health", "healthy-weight"],
        "childhood obesity, physical activity, NCMP, air pollution and asthma",
        "geospatial analysis, mixed methods",
    ),
]

LIVED_EXPERIENCE = (
    "I grew up in care in the North West and bring that experience to research on care leavers."
)


def researchers() -> list[dict]:
    people = []
    for index in range(40):
        first = FIRST_NAMES[index % len(FIRST_NAMES)]
        # The offset after twenty keeps every first-and-last-name pair different.
        last = LAST_NAMES[(index * 7 + index // 20) % len(LAST_NAMES)]
        job_title, stage, title = ROLES[index % len(ROLES)]
        themes, expertise, methods = INTERESTS[index % len(INTERESTS)]
        is_student = stage == "student"
        people.append(
            {
                "slug": f"sample-{first}-{last}".lower(),
                "name": f"{first} {last}",
                "title": title,
                "job_title": job_title,
                "career_stage": stage,
                "organisation": ORGANISATIONS[index % len(ORGANISATIONS)],
                "affiliations": ["n8-research-partnership"] if index % 5 == 0 else [],
                "biography": f"{first} is a fictional {job_title.lower()} in the portal’s sample data, "
                f"working on {expertise.split(',')[0]}.",
                "expertise": expertise,
                "methods": methods,
                "themes": themes,
                "email": f"{first}.{last}@example.org".lower(),
                "show_email": index % 3 == 0,
                "open_to_collaboration": index % 2 == 0,
                "open_to_supervision": stage in ("senior", "mid") and index % 3 != 1,
                "open_to_advising": index % 4 in (0, 3),
                "open_to_media": stage == "senior",
                "open_to_speaking": index % 5 in (1, 2),
                "has_lived_experience": is_student and index % 16 == 2,
                "lived_experience": LIVED_EXPERIENCE if is_student and index % 16 == 2 else "",
                "show_lived_experience": is_student and index == 2,
                # The leads of the projects that ask people to take part (demo.opportunities), and a few more.
                "welcomes_lived_experience": index in (1, 6, 16, 22, 27) or index % 8 == 2,
            }
        )
    return people


# Each project: its lead and members are indexes into researchers(); datasets are slugs with a note.
PROJECTS = [
    {
        "slug": "sample-ready-for-school",
        "title": "Ready for school? Early language and school readiness in Bradford",
        "summary": "Uses cohort and school data to understand which early-years experiences help children "
        "arrive at school ready to learn.",
        "stage": "completed",
        "start": (2019, 9),
        "end": (2023, 8),
        "funder": "A national research funder",
        "lead": 0,
        "members": [8, 16, 24],
        "partners": ["bradford-council", "bradford-institute-for-health-research"],
        "themes": ["early-years", "school-readiness", "speech-language-communication"],
        "datasets": [
            ("born-in-bradford", "Early language measures at age two"),
            ("early-years-foundation-stage-profile", "Outcome: good level of development"),
        ],
        "outputs": [
            (
                "report",
                "Ready for school: what makes the difference",
                2023,
                "Children attending funded early education for longer were more often ready for school.",
            )
        ],
    },
    {
        "slug": "sample-predicting-camhs-need",
        "title": "Predicting who waits longest for mental health support",
        "summary": "Develops fair prediction models to flag young people at risk of long waits for CAMHS.",
        "stage": "active",
        "start": (2023, 1),
        "end": (2026, 12),
        "funder": "An NHS research programme",
        "lead": 1,
        "members": [9, 17, 33],
        "partners": ["alder-hey-childrens-nhs-foundation-trust"],
        "themes": ["machine-learning", "mental-health"],
        "datasets": [
            ("mental-health-services-data-set", "Referral and contact histories"),
            ("sample-camhs-referrals-extract", "Local validation of the models"),
        ],
        "outputs": [
            (
                "software",
                "An open toolkit for auditing waiting-list models",
                2025,
                "Simple models were as accurate as complex ones and easier to audit for fairness.",
            )
        ],
    },
    {
        "slug": "sample-leaving-care-well",
        "title": "Leaving care well: education and health after care",
        "summary": "Follows care leavers’ education, employment and health using linked administrative data.",
        "stage": "active",
        "start": (2022, 4),
        "end": (2025, 3),
        "funder": "A children’s charity",
        "lead": 2,
        "members": [10, 18, 26, 34],
        "partners": ["barnardos", "leeds-city-council"],
        "themes": ["childrens-social-care", "children-looked-after", "education"],
        "datasets": [
            ("children-looked-after-return", "Care histories"),
            ("national-pupil-database", "Attainment and attendance"),
        ],
        "outputs": [
            (
                "policy-brief",
                "What helps care leavers stay in education",
                2024,
                "Stable placements in the last two years of school were linked with staying in education.",
            )
        ],
    },
    {
        "slug": "sample-linking-for-children",
        "title": "Linking for children: a guide to joining health and education records",
        "summary": "Tests linkage methods between hospital and school records and publishes guidance for "
        "local analysts.",
        "stage": "completed",
        "start": (2020, 1),
        "end": (2022, 12),
        "funder": "A data research institute",
        "lead": 3,
        "members": [11, 19, 27],
        "partners": ["university-college-london"],
        "themes": ["data-linkage", "digital-health"],
        "datasets": [
            ("echild", "Benchmark of linkage quality"),
            ("hospital-episode-statistics", "Source records"),
        ],
        "outputs": [
            (
                "publication",
                "Linkage quality in children’s records: a comparison of methods",
                2022,
                "Linkage errors were more common for some ethnic groups, biasing naive estimates.",
            ),
            ("software", "Linkage quality checklist", 2022, ""),
        ],
    },
    {
        "slug": "sample-send-journeys",
        "title": "SEND journeys: from first concern to support",
        "summary": "Maps how long children with special educational needs wait for assessments and support.",
        "stage": "active",
        "start": (2024, 1),
        "end": (2026, 6),
        "funder": "A national research funder",
        "lead": 4,
        "members": [12, 20, 28],
        "partners": ["sheffield-city-council"],
        "themes": ["special-educational-needs", "education"],
        "datasets": [
            ("sample-send-panel-records", "Assessment requests and decisions"),
            ("national-pupil-database", "SEN support and EHCP status"),
        ],
        "outputs": [],
    },
    {
        "slug": "sample-free-school-meals-and-health",
        "title": "Free school meals and children’s health",
        "summary": "Estimates the effect of universal free school meals on healthy weight.",
        "stage": "completed",
        "start": (2018, 9),
        "end": (2021, 7),
        "funder": "A public-health research funder",
        "lead": 5,
        "members": [13, 21, 29],
        "partners": ["office-for-health-improvement-and-disparities"],
        "themes": ["poverty-and-cost-of-living", "physical-health", "healthy-weight"],
        "datasets": [
            ("national-child-measurement-programme", "Weight outcomes in reception and year 6"),
            ("national-pupil-database", "Free school meals eligibility"),
        ],
        "outputs": [
            (
                "publication",
                "Universal free school meals and childhood obesity",
                2021,
                "Universal provision was associated with a small fall in obesity in reception.",
            )
        ],
    },
    {
        "slug": "sample-voices-in-the-archive",
        "title": "Voices in the archive: a century of young people’s letters",
        "summary": "Uses natural language processing to study young people’s letters to newspapers and councils.",
        "stage": "active",
        "start": (2023, 10),
        "end": (2026, 9),
        "funder": "An arts and humanities funder",
        "lead": 6,
        "members": [14, 22, 30],
        "partners": [],
        "themes": ["digital-humanities", "natural-language-processing", "youth-justice"],
        "datasets": [],
        "outputs": [
            (
                "publication",
                "Reading young people’s letters at scale",
                2025,
                "Concerns about work and housing recur across the century.",
            )
        ],
    },
    {
        "slug": "sample-active-neighbourhoods",
        "title": "Active neighbourhoods: green space and children’s activity",
        "summary": "Links measurements of children’s weight with maps of parks and play areas.",
        "stage": "planned",
        "start": (2026, 1),
        "end": (2028, 12),
        "funder": "A public-health research funder",
        "lead": 7,
        "members": [15, 23, 31],
        "partners": ["newcastle-city-council"],
        "themes": ["physical-health", "healthy-weight"],
        "datasets": [("national-child-measurement-programme", "Outcome measure")],
        "outputs": [],
    },
    {
        "slug": "sample-beewell-neighbourhoods",
        "title": "Wellbeing by neighbourhood in Greater Manchester",
        "summary": "Analyses young people’s wellbeing survey results alongside neighbourhood deprivation.",
        "stage": "active",
        "start": (2022, 9),
        "end": (2025, 8),
        "funder": "A philanthropic foundation",
        "lead": 9,
        "members": [1, 25, 32],
        "partners": ["manchester-city-council"],
        "themes": ["mental-health", "poverty-and-cost-of-living"],
        "datasets": [("beewell", "Wellbeing outcomes"), ("understanding-society", "National comparison")],
        "outputs": [
            (
                "report",
                "Neighbourhoods and wellbeing",
                2024,
                "Feeling safe locally mattered more for wellbeing than neighbourhood income.",
            )
        ],
    },
    {
        "slug": "sample-first-thousand-days",
        "title": "The first thousand days: maternity and early childhood records",
        "summary": "Joins maternity and health-visiting records to follow babies through their first two years.",
        "stage": "active",
        "start": (2024, 4),
        "end": (2027, 3),
        "funder": "An NHS research programme",
        "lead": 16,
        "members": [0, 24, 35],
        "partners": ["bradford-teaching-hospitals"],
        "themes": ["early-years", "digital-health", "data-linkage"],
        "datasets": [
            ("maternity-services-data-set", "Pregnancy and birth records"),
            ("community-services-data-set", "Health-visiting contacts"),
            ("connected-bradford", "Local linked follow-up"),
        ],
        "outputs": [],
    },
    {
        "slug": "sample-early-help-outcomes",
        "title": "Does early help keep children in school?",
        "summary": "Evaluates early help for families using linked council and school records.",
        "stage": "completed",
        "start": (2021, 1),
        "end": (2024, 3),
        "funder": "A local government research fund",
        "lead": 10,
        "members": [2, 18, 36],
        "partners": ["bradford-council", "leeds-city-council"],
        "themes": ["childrens-social-care", "education"],
        "datasets": [
            ("sample-early-help-linked-dataset", "Main analysis dataset"),
            ("children-in-need-census", "Later social care contact"),
        ],
        "outputs": [
            (
                "report",
                "Early help and school attendance",
                2024,
                "Attendance improved for families who engaged with early help for six months or more.",
            )
        ],
    },
    {
        "slug": "sample-child-deaths-and-deprivation",
        "title": "Child deaths and deprivation in the North",
        "summary": "Describes how child mortality differs between northern and southern regions, and why.",
        "stage": "completed",
        "start": (2020, 6),
        "end": (2023, 5),
        "funder": "A child health charity",
        "lead": 15,
        "members": [7, 23, 39],
        "partners": ["n8-research-partnership"],
        "themes": ["physical-health", "poverty-and-cost-of-living"],
        "datasets": [("national-child-mortality-database", "Child deaths by cause and area")],
        "outputs": [
            (
                "policy-brief",
                "Child deaths and deprivation",
                2023,
                "A substantial share of child deaths could be linked to living in the most deprived areas.",
            )
        ],
    },
    {
        "slug": "sample-youth-voice-in-policy",
        "title": "Youth voice in local policy",
        "summary": "Works with young researchers with lived experience to turn survey findings into council "
        "policy; a second phase, funded to 2027, brings in a young people’s advisory group.",
        "stage": "active",
        "start": (2023, 3),
        "end": (2027, 8),
        "funder": "A citizen science fund",
        "lead": 22,
        "members": [2, 14, 38],
        "partners": ["liverpool-city-council"],
        "themes": ["youth-justice", "poverty-and-cost-of-living"],
        "datasets": [("sample-youth-voice-survey", "Survey responses analysed with young researchers")],
        "outputs": [
            (
                "other",
                "Young people’s policy asks",
                2024,
                "Young people ranked affordable transport as their first priority.",
            )
        ],
    },
    {
        "slug": "sample-cohorts-compared",
        "title": "North and South compared: childhood in three cohorts",
        "summary": "Harmonises measures across birth cohorts to compare growing up in different regions.",
        "stage": "active",
        "start": (2022, 1),
        "end": (2025, 12),
        "funder": "A national research funder",
        "lead": 24,
        "members": [0, 8, 16, 32],
        "partners": ["ucl-centre-for-longitudinal-studies"],
        "themes": ["early-years", "machine-learning"],
        "datasets": [
            ("born-in-bradford", "Northern cohort"),
            ("millennium-cohort-study", "National cohort"),
            ("alspac", "Southern comparison cohort"),
        ],
        "outputs": [("dataset", "Harmonised early childhood measures", 2024, "")],
    },
    {
        "slug": "sample-family-hubs-evaluation",
        "title": "Family hubs evaluation in York and North Yorkshire",
        "summary": "Evaluates whether family hub attendance improves early language.",
        "stage": "planned",
        "start": (2026, 4),
        "end": (2028, 3),
        "funder": "A local government research fund",
        "lead": 27,
        "members": [3, 19, 35],
        "partners": ["city-of-york-council"],
        "themes": ["early-years", "speech-language-communication"],
        "datasets": [
            ("sample-family-hubs-attendance", "Attendance records"),
            ("early-years-foundation-stage-profile", "Outcome at the end of reception"),
        ],
        "outputs": [],
    },
]
