"""Two sample collections, as a curator would assemble them from the demo entries.

Each item is (kind, key, why it is here): datasets and projects by slug, outputs by title,
and researchers as the lead of the project named by slug.
"""

COLLECTIONS = [
    {
        "slug": "sample-start-here-school-readiness",
        "title": "Start here: school readiness in the North",
        "theme": "early-years",
        "introduction": "What we know about how ready children are for school, and how to find out more. "
        "Begin with the cohort and the national measure, then see what one project learned and who led it.",
        "items": [
            (
                "dataset",
                "born-in-bradford",
                "The cohort much of the northern evidence on early language comes from.",
            ),
            (
                "dataset",
                "early-years-foundation-stage-profile",
                "How readiness for school is measured at age five.",
            ),
            (
                "project",
                "sample-ready-for-school",
                "Links the two to ask which early experiences make a difference.",
            ),
            ("output", "Ready for school: what makes the difference", "Its key finding, in one report."),
            ("researcher", "sample-ready-for-school", "Who to ask about the project and the data it used."),
        ],
    },
    {
        "slug": "sample-start-here-waiting-for-mental-health-support",
        "title": "Start here: waiting for mental health support",
        "theme": "mental-health",
        "introduction": "Young people's waits for mental health services: the national data, a project that "
        "predicts who waits longest, and what neighbourhood studies add.",
        "items": [
            ("dataset", "mental-health-services-data-set", "The national record of referrals and contacts."),
            ("project", "sample-predicting-camhs-need", "Fair models that flag long waits early."),
            (
                "output",
                "An open toolkit for auditing waiting-list models",
                "Simple models were as good, and auditable.",
            ),
            (
                "project",
                "sample-beewell-neighbourhoods",
                "Wellbeing by neighbourhood, from the young people themselves.",
            ),
        ],
    },
]
