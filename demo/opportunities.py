"""Fictional involvement opportunities for the demo directory, all marked as sample data.

Each closes a number of days after the demo is loaded, so the Get involved page always has some open;
take-part messages go to reserved example.org addresses.
"""

OPPORTUNITIES = [
    {
        "slug": "sample-youth-voice-advisory-group",
        "title": "Join the young people’s advisory group for Youth voice in local policy",
        "project": "sample-youth-voice-in-policy",
        "summary": "We are looking for young people aged 16 to 25 in Liverpool City Region to join our "
        "young people’s advisory group for the project’s second phase. You would help us read the survey "
        "findings, decide which ones matter most, and present them to councillors with us. No research "
        "experience is needed: we will train you, and you can bring your own experience of growing up, of "
        "school, of care or of local services. We especially welcome care-experienced young people.",
        "wants": ["wants_students", "wants_lived_experience"],
        "commitment": "Six two-hour evening sessions between January and June, and one council meeting",
        "setting": "either",
        "location": "Liverpool city centre, or online",
        "payment": "paid",
        "payment_details": "£25 an hour, paid by bank transfer or as vouchers if you prefer, plus travel",
        "accessibility": "The venue is step-free with a quiet room. We pay travel in advance, provide food, "
        "and send papers a week ahead in plain English or easy read. Tell us anything else you need.",
        "closes_in_days": 45,
    },
    {
        "slug": "sample-camhs-waiting-ppi-panel",
        "title": "Patient and public involvement panel: waiting for mental health support",
        "project": "sample-predicting-camhs-need",
        "summary": "Help us make sure our prediction models are fair to the young people they are about. "
        "The panel meets online to look at what the models use, how results would be shown to clinicians, "
        "and what could go wrong. We want to hear from young people who have waited for CAMHS, and from "
        "parents and carers who waited with them.",
        "wants": ["wants_lived_experience", "wants_parents_and_carers"],
        "commitment": "Four online meetings of 90 minutes over a year",
        "setting": "online",
        "location": "",
        "payment": "voucher",
        "payment_details": "A £30 shopping voucher for each meeting",
        "accessibility": "Meetings have captions and breaks. You can take part with your camera off, or "
        "send your views in writing instead.",
        "closes_in_days": 60,
    },
    {
        "slug": "sample-first-thousand-days-parents-group",
        "title": "Parents’ group for research on the first thousand days",
        "project": "sample-first-thousand-days",
        "summary": "Parents and carers of children under three in Bradford: tell us which questions about "
        "pregnancy, birth and the first two years matter most to families, and check our plans for using "
        "maternity and health-visiting records.",
        "wants": ["wants_parents_and_carers"],
        "commitment": "Three meetings of one hour, with a crèche",
        "setting": "in-person",
        "location": "A family hub in Bradford",
        "payment": "voucher",
        "payment_details": "£20 vouchers for each meeting, and travel",
        "accessibility": "Interpreters in Urdu, Punjabi and Polish on request. A crèche is provided.",
        "closes_in_days": 30,
    },
    {
        "slug": "sample-family-hubs-practitioner-panel",
        "title": "Practitioner panel for the family hubs evaluation",
        "project": "sample-family-hubs-evaluation",
        "summary": "Family hub staff, health visitors and early-years practitioners in York and North "
        "Yorkshire: help us choose the measures of early language that make sense in practice, and "
        "co-produce the evaluation’s guidance for hubs.",
        "wants": ["wants_practitioners", "wants_partners"],
        "commitment": "Two half-day workshops",
        "setting": "in-person",
        "location": "York",
        "payment": "expenses",
        "payment_details": "Travel and cover costs paid to your employer",
        "accessibility": "Step-free venue; materials sent in advance.",
        "closes_in_days": 75,
    },
]
