"""Real organisations for the demo directory: the N8 universities and other stakeholder bodies.

Facts only: names, kinds, websites, ROR IDs of the N8 universities (from the
public ROR records) and, for councils, the ONS code of the area they serve.
"""

UNIVERSITY = "university"
LOCAL_AUTHORITY = "local-authority"
NHS_TRUST = "nhs-trust"
RESEARCH_INSTITUTE = "research-institute"
PUBLIC_BODY = "public-body"
CHARITY = "charity"
OTHER = "other"

# slug: (name, short name, kind, website, ROR ID)
N8_UNIVERSITIES = {
    "durham-university": ("Durham University", "Durham", "https://www.durham.ac.uk/", "01v29qb04"),
    "lancaster-university": (
        "Lancaster University",
        "Lancaster",
        "https://www.lancaster.ac.uk/",
        "04f2nsd36",
    ),
    "university-of-leeds": ("University of Leeds", "Leeds", "https://www.leeds.ac.uk/", "024mrxd33"),
    "university-of-liverpool": (
        "University of Liverpool",
        "Liverpool",
        "https://www.liverpool.ac.uk/",
        "04xs57h96",
    ),
    "university-of-manchester": (
        "University of Manchester",
        "Manchester",
        "https://www.manchester.ac.uk/",
        "027m9bs27",
    ),
    "newcastle-university": ("Newcastle University", "Newcastle", "https://www.ncl.ac.uk/", "01kj2bm70"),
    "university-of-sheffield": (
        "University of Sheffield",
        "Sheffield",
        "https://www.sheffield.ac.uk/",
        "05krs5044",
    ),
    "university-of-york": ("University of York", "York", "https://www.york.ac.uk/", "04m01e293"),
}

# slug: (name, short name, kind, website, ONS code of the area a council serves, description)
OTHER_BODIES = {
    "bradford-institute-for-health-research": (
        "Bradford Institute for Health Research",
        "BIHR",
        RESEARCH_INSTITUTE,
        "https://www.bradfordresearch.nhs.uk/",
        "",
        "The research institute of Bradford Teaching Hospitals NHS Foundation Trust, home of Born in Bradford.",
    ),
    "bradford-teaching-hospitals": (
        "Bradford Teaching Hospitals NHS Foundation Trust",
        "Bradford Teaching Hospitals",
        NHS_TRUST,
        "https://www.bradfordhospitals.nhs.uk/",
        "",
        "",
    ),
    "alder-hey-childrens-nhs-foundation-trust": (
        "Alder Hey Children’s NHS Foundation Trust",
        "Alder Hey",
        NHS_TRUST,
        "https://www.alderhey.nhs.uk/",
        "",
        "A children’s hospital trust in Liverpool.",
    ),
    "sheffield-childrens-nhs-foundation-trust": (
        "Sheffield Children’s NHS Foundation Trust",
        "Sheffield Children’s",
        NHS_TRUST,
        "https://www.sheffieldchildrens.nhs.uk/",
        "",
        "A children’s hospital and community services trust.",
    ),
    "newcastle-upon-tyne-hospitals": (
        "The Newcastle upon Tyne Hospitals NHS Foundation Trust",
        "Newcastle Hospitals",
        NHS_TRUST,
        "https://www.newcastle-hospitals.nhs.uk/",
        "",
        "",
    ),
    "bradford-council": (
        "City of Bradford Metropolitan District Council",
        "Bradford Council",
        LOCAL_AUTHORITY,
        "https://www.bradford.gov.uk/",
        "E08000032",
        "",
    ),
    "leeds-city-council": (
        "Leeds City Council",
        "Leeds",
        LOCAL_AUTHORITY,
        "https://www.leeds.gov.uk/",
        "E08000035",
        "",
    ),
    "manchester-city-council": (
        "Manchester City Council",
        "Manchester",
        LOCAL_AUTHORITY,
        "https://www.manchester.gov.uk/",
        "E08000003",
        "",
    ),
    "newcastle-city-council": (
        "Newcastle City Council",
        "Newcastle",
        LOCAL_AUTHORITY,
        "https://www.newcastle.gov.uk/",
        "E08000021",
        "",
    ),
    "liverpool-city-council": (
        "Liverpool City Council",
        "Liverpool",
        LOCAL_AUTHORITY,
        "https://liverpool.gov.uk/",
        "E08000012",
        "",
    ),
    "sheffield-city-council": (
        "Sheffield City Council",
        "Sheffield",
        LOCAL_AUTHORITY,
        "https://www.sheffield.gov.uk/",
        "E08000039",
        "",
    ),
    "durham-county-council": (
        "Durham County Council",
        "Durham",
        LOCAL_AUTHORITY,
        "https://www.durham.gov.uk/",
        "E06000047",
        "",
    ),
    "city-of-york-council": (
        "City of York Council",
        "York",
        LOCAL_AUTHORITY,
        "https://www.york.gov.uk/",
        "E06000014",
        "",
    ),
    "department-for-education": (
        "Department for Education",
        "DfE",
        PUBLIC_BODY,
        "https://www.gov.uk/government/organisations/department-for-education",
        "",
        "The government department responsible for children’s services and education in England.",
    ),
    "nhs-england": ("NHS England", "NHS England", PUBLIC_BODY, "https://www.england.nhs.uk/", "", ""),
    "office-for-national-statistics": (
        "Office for National Statistics",
        "ONS",
        PUBLIC_BODY,
        "https://www.ons.gov.uk/",
        "",
        "The UK’s national statistical institute; runs the Secure Research Service.",
    ),
    "office-for-health-improvement-and-disparities": (
        "Office for Health Improvement and Disparities",
        "OHID",
        PUBLIC_BODY,
        "https://www.gov.uk/government/organisations/office-for-health-improvement-and-disparities",
        "",
        "",
    ),
    "clinical-practice-research-datalink": (
        "Clinical Practice Research Datalink",
        "CPRD",
        PUBLIC_BODY,
        "https://www.cprd.com/",
        "",
        "A research service for anonymised UK primary care records.",
    ),
    "ucl-centre-for-longitudinal-studies": (
        "Centre for Longitudinal Studies, UCL",
        "CLS",
        RESEARCH_INSTITUTE,
        "https://cls.ucl.ac.uk/",
        "",
        "Home of several of the UK’s national birth cohort studies.",
    ),
    "university-college-london": (
        "University College London",
        "UCL",
        UNIVERSITY,
        "https://www.ucl.ac.uk/",
        "",
        "",
    ),
    "university-of-bristol": (
        "University of Bristol",
        "Bristol",
        UNIVERSITY,
        "https://www.bristol.ac.uk/",
        "",
        "",
    ),
    "institute-for-social-and-economic-research": (
        "Institute for Social and Economic Research, University of Essex",
        "ISER",
        RESEARCH_INSTITUTE,
        "https://www.iser.essex.ac.uk/",
        "",
        "Runs Understanding Society, the UK Household Longitudinal Study.",
    ),
    "uk-data-service": (
        "UK Data Service",
        "UKDS",
        OTHER,
        "https://ukdataservice.ac.uk/",
        "",
        "Gives researchers access to major UK social and economic data collections.",
    ),
    "barnardos": (
        "Barnardo’s",
        "Barnardo’s",
        CHARITY,
        "https://www.barnardos.org.uk/",
        "",
        "A children’s charity.",
    ),
    "n8-research-partnership": (
        "N8 Research Partnership",
        "N8",
        OTHER,
        "https://www.n8research.org.uk/",
        "",
        "A collaboration of the eight most research-intensive universities in the North of England.",
    ),
}

# A fictional body, so that fictional sample datasets are never credited to a real one.
SAMPLE_BODIES = {
    "northshire-childrens-data-partnership": (
        "Northshire Children’s Data Partnership",
        "Northshire",
        OTHER,
        "",
        "",
        "A fictional partnership of councils and NHS bodies, used for the portal’s sample datasets.",
    ),
}
