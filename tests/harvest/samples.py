"""Documents as other catalogues publish them, written for these tests (shaped like data.gov.uk's CKAN
answers, DCAT-AP catalogues and ORCID's public API), so each mapping can be checked by hand."""

import copy
import json

NCMP_ID = "4b3f5a8e-7c21-4c0e-9b8f-1d2e3f4a5b6c"
CLA_ID = "9d8c7b6a-5f4e-4d3c-8b2a-1a0f9e8d7c6b"
SCHOOLS_ID = "0e1d2c3b-4a59-4687-a6b5-c4d3e2f1a0b9"

NCMP = {
    "author": None,
    "author_email": None,
    "creator_user_id": "a1b2c3d4-0000-4000-8000-000000000001",
    "id": NCMP_ID,
    "isopen": True,
    "license_id": "uk-ogl",
    "license_title": "UK Open Government Licence (OGL)",
    "license_url": "http://reference.data.gov.uk/id/open-government-licence",
    "maintainer": "NCMP team",
    "maintainer_email": "ncmp@example.nhs.uk",
    "metadata_created": "2013-05-21T10:11:12.000000",
    "metadata_modified": "2024-03-01T09:00:00.000000",
    "name": "national-child-measurement-programme",
    "notes": (
        "The National Child Measurement Programme (NCMP) measures the height and weight of children in "
        "Reception and Year 6 in state-maintained schools in England. The data are used to monitor "
        "obesity trends at national and local level.\n\nSee the [user guide](https://example.org/guide)."
    ),
    "num_resources": 2,
    "num_tags": 3,
    "organization": {
        "id": "org-nhs-england",
        "name": "nhs-england",
        "title": "NHS England",
        "type": "organization",
        "description": "",
        "image_url": "",
        "is_organization": True,
        "state": "active",
    },
    "owner_org": "org-nhs-england",
    "private": False,
    "state": "active",
    "title": "National Child Measurement Programme",
    "type": "dataset",
    "url": "https://digital.nhs.uk/data-and-information/publications/statistical/national-child-measurement-programme",
    "version": None,
    "extras": [
        {"key": "temporal_coverage-from", "value": "2006-09-01"},
        {"key": "temporal_coverage-to", "value": "2023-08-31"},
        {"key": "doi", "value": "https://doi.org/10.5281/zenodo.7654321"},
        {"key": "theme-primary", "value": "Health"},
        {"key": "update_frequency", "value": "annual"},
    ],
    "resources": [
        {
            "id": "res-1",
            "package_id": NCMP_ID,
            "name": "NCMP 2022/23 school year: data tables",
            "description": "Tables by local authority.",
            "format": "CSV",
            "url": "https://files.digital.nhs.uk/ncmp/ncmp-2022-23.csv",
            "created": "2023-11-09T09:30:00",
            "position": 0,
        },
        {
            "id": "res-2",
            "package_id": NCMP_ID,
            "name": "NCMP 2022/23: report",
            "format": "xlsx",
            "url": "https://files.digital.nhs.uk/ncmp/ncmp-2022-23.xlsx",
            "position": 1,
        },
    ],
    "tags": [
        {"display_name": "obesity", "id": "t1", "name": "obesity", "state": "active"},
        {"display_name": "child health", "id": "t2", "name": "child-health", "state": "active"},
        {"display_name": "schools", "id": "t3", "name": "schools", "state": "active"},
    ],
    "groups": [{"name": "health", "title": "Health"}],
}

CLA = {
    "id": CLA_ID,
    "name": "children-looked-after-in-england",
    "title": "Children looked after in England including adoptions",
    "notes": "Statistics on children looked after by local authorities in England, including adoptions.",
    "license_id": "OGL-UK-3.0",
    "license_title": "Open Government Licence 3.0 (United Kingdom)",
    "private": False,
    "organization": {"name": "department-for-education", "title": "Department for Education"},
    "owner_org": "org-dfe",
    "url": "https://explore-education-statistics.service.gov.uk/find-statistics/children-looked-after-in-england-including-adoptions",
    "extras": [
        {"key": "spatial_uri", "value": "http://statistics.data.gov.uk/id/statistical-geography/E92000001"},
        {"key": "temporal_start", "value": "2015"},
        {"key": "temporal_end", "value": "2023"},
    ],
    "resources": [
        {"format": "ODS", "url": "https://content.explore-education-statistics.service.gov.uk/cla.ods"}
    ],
    "tags": [{"display_name": "social care", "name": "social-care"}],
    "state": "active",
    "metadata_modified": "2024-01-15T08:00:00",
}

SCHOOLS = {
    "id": SCHOOLS_ID,
    "name": "leeds-school-places",
    "title": "School places in Leeds",
    "notes": "Pupil numbers and school capacity for Leeds primary and secondary schools",
    "license_id": "other-closed",
    "license_title": "Other (Not Open)",
    "isopen": False,
    "private": False,
    "author": "Leeds Data Mill",
    "author_email": "datamill@example.leeds.gov.uk",
    "organization": {"name": "leeds-city-council", "title": "Leeds City Council"},
    "extras": [
        {"key": "temporal_start", "value": "2019-09-01"},
        {"key": "temporal_end", "value": "2022-07-31"},
        {"key": "spatial_uri", "value": "http://statistics.data.gov.uk/id/statistical-geography/E08000035"},
    ],
    "resources": [{"format": "csv", "url": "https://datamillnorth.org/download/school-places.csv"}],
    "tags": [],
}


def package_search(*packages: dict, count: int | None = None) -> dict:
    packages = packages or (NCMP, CLA, SCHOOLS)
    return {
        "help": "https://data.gov.uk/api/3/action/help_show?name=package_search",
        "success": True,
        "result": {
            "count": count if count is not None else len(packages),
            "facets": {},
            "results": [copy.deepcopy(package) for package in packages],
            "sort": "score desc, metadata_modified desc",
            "search_facets": {},
        },
    }


def package_show(package: dict) -> dict:
    return {
        "help": "https://data.gov.uk/api/3/action/help_show?name=package_show",
        "success": True,
        "result": copy.deepcopy(package),
    }


BIB_IRI = "https://data.example.org/dataset/born-in-bradford"

TURTLE = """\
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
@prefix adms: <http://www.w3.org/ns/adms#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<https://data.example.org/catalogue> a dcat:Catalog ;
    dct:title "Northern child health data"@en ;
    dcat:dataset <https://data.example.org/dataset/born-in-bradford>, _:send .

<https://data.example.org/dataset/born-in-bradford> a dcat:Dataset ;
    dct:title "Born in Bradford"@en, "Geni yn Bradford"@cy ;
    dct:description "A birth cohort of 13,776 children born in Bradford between 2007 and 2011. Families were recruited in pregnancy."@en ;
    dcat:keyword "birth cohort"@en, "child health"@en ;
    dcat:landingPage <https://borninbradford.nhs.uk/> ;
    dct:publisher [ a foaf:Organization ; foaf:name "Bradford Institute for Health Research" ] ;
    dct:temporal [ a dct:PeriodOfTime ;
        dcat:startDate "2007-03-01"^^xsd:date ;
        dcat:endDate "2024-12-31"^^xsd:date ] ;
    dct:spatial <http://statistics.data.gov.uk/id/statistical-geography/E08000032> ;
    adms:identifier [ a adms:Identifier ; skos:notation "10.1093/ije/dys064" ] ;
    dcat:contactPoint [ a vcard:Organization ;
        vcard:fn "Born in Bradford data team" ;
        vcard:hasEmail <mailto:bib.data@example.nhs.uk> ] ;
    dct:accessRights <http://publications.europa.eu/resource/authority/access-right/RESTRICTED> ;
    dct:issued "2012-01-01"^^xsd:date ;
    dcat:theme <http://publications.europa.eu/resource/authority/data-theme/HEAL> ;
    dcat:distribution [ a dcat:Distribution ;
        dct:title "Data access request" ;
        dcat:accessURL <https://borninbradford.nhs.uk/research/how-to-access-data/> ;
        dct:format <http://publications.europa.eu/resource/authority/file-type/CSV> ;
        dct:license <http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/> ] .

_:send a dcat:Dataset ;
    dct:identifier "nw-send-2023" ;
    dct:title "Special educational needs in the North West"@en ;
    dct:publisher [ foaf:name "Department for Education" ] ;
    dct:spatial <http://statistics.data.gov.uk/id/statistical-geography/K02000001>, "Isle of Man" ;
    dct:accessRights <http://publications.europa.eu/resource/authority/access-right/PUBLIC> .
"""

JSON_LD = {
    "@context": {
        "dcat": "http://www.w3.org/ns/dcat#",
        "dct": "http://purl.org/dc/terms/",
        "foaf": "http://xmlns.com/foaf/0.1/",
        "vcard": "http://www.w3.org/2006/vcard/ns#",
        "adms": "http://www.w3.org/ns/adms#",
        "skos": "http://www.w3.org/2004/02/skos/core#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
        "dcat:landingPage": {"@type": "@id"},
        "dcat:accessURL": {"@type": "@id"},
        "dct:format": {"@type": "@id"},
        "dct:license": {"@type": "@id"},
        "dct:spatial": {"@type": "@id"},
        "dct:accessRights": {"@type": "@id"},
        "dcat:theme": {"@type": "@id"},
        "vcard:hasEmail": {"@type": "@id"},
    },
    "@graph": [
        {
            "@id": "https://data.example.org/catalogue",
            "@type": "dcat:Catalog",
            "dct:title": {"@value": "Northern child health data", "@language": "en"},
            "dcat:dataset": [{"@id": BIB_IRI}, {"@id": "_:send"}],
        },
        {
            "@id": BIB_IRI,
            "@type": "dcat:Dataset",
            "dct:title": [
                {"@value": "Born in Bradford", "@language": "en"},
                {"@value": "Geni yn Bradford", "@language": "cy"},
            ],
            "dct:description": {
                "@value": "A birth cohort of 13,776 children born in Bradford between 2007 and 2011. "
                "Families were recruited in pregnancy.",
                "@language": "en",
            },
            "dcat:keyword": [
                {"@value": "birth cohort", "@language": "en"},
                {"@value": "child health", "@language": "en"},
            ],
            "dcat:landingPage": "https://borninbradford.nhs.uk/",
            "dct:publisher": {
                "@type": "foaf:Organization",
                "foaf:name": "Bradford Institute for Health Research",
            },
            "dct:temporal": {
                "@type": "dct:PeriodOfTime",
                "dcat:startDate": {"@value": "2007-03-01", "@type": "xsd:date"},
                "dcat:endDate": {"@value": "2024-12-31", "@type": "xsd:date"},
            },
            "dct:spatial": "http://statistics.data.gov.uk/id/statistical-geography/E08000032",
            "adms:identifier": {"@type": "adms:Identifier", "skos:notation": "10.1093/ije/dys064"},
            "dcat:contactPoint": {
                "@type": "vcard:Organization",
                "vcard:fn": "Born in Bradford data team",
                "vcard:hasEmail": "mailto:bib.data@example.nhs.uk",
            },
            "dct:accessRights": "http://publications.europa.eu/resource/authority/access-right/RESTRICTED",
            "dct:issued": {"@value": "2012-01-01", "@type": "xsd:date"},
            "dcat:theme": "http://publications.europa.eu/resource/authority/data-theme/HEAL",
            "dcat:distribution": {
                "@type": "dcat:Distribution",
                "dct:title": "Data access request",
                "dcat:accessURL": "https://borninbradford.nhs.uk/research/how-to-access-data/",
                "dct:format": "http://publications.europa.eu/resource/authority/file-type/CSV",
                "dct:license": "http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
            },
        },
        {
            "@id": "_:send",
            "@type": "dcat:Dataset",
            "dct:identifier": "nw-send-2023",
            "dct:title": {"@value": "Special educational needs in the North West", "@language": "en"},
            "dct:publisher": {"foaf:name": "Department for Education"},
            "dct:spatial": [
                "http://statistics.data.gov.uk/id/statistical-geography/K02000001",
                {"@value": "Isle of Man"},
            ],
            "dct:accessRights": "http://publications.europa.eu/resource/authority/access-right/PUBLIC",
        },
    ],
}

ORCID_ID = "0000-0002-1825-0097"


def orcid_record(orcid: str = ORCID_ID) -> dict:
    """A /v3.0/<iD>/record answer, trimmed of nothing the parser reads, with the usual nulls."""
    return {
        "orcid-identifier": {"uri": f"https://orcid.org/{orcid}", "path": orcid, "host": "orcid.org"},
        "preferences": {"locale": "en"},
        "history": {"creation-method": "MEMBER_REFERRED", "claimed": True},
        "person": {
            "last-modified-date": {"value": 1700000000000},
            "name": {
                "created-date": {"value": 1400000000000},
                "given-names": {"value": "Zoë"},
                "family-name": {"value": "Ó Súilleabháin-Brontë"},
                "credit-name": None,
                "source": None,
                "visibility": "public",
                "path": orcid,
            },
            "other-names": {"other-name": [], "path": f"/{orcid}/other-names"},
            "biography": {
                "content": "Zoë studies school readiness and early language in the North of England.",
                "visibility": "public",
                "path": f"/{orcid}/biography",
            },
            "researcher-urls": {"researcher-url": []},
            "emails": {"email": []},
            "keywords": {
                "keyword": [
                    {"content": "school readiness", "display-index": 1, "visibility": "public"},
                    {"content": "early language", "display-index": 0, "visibility": "public"},
                    {"content": "data linkage", "display-index": 0, "visibility": "public"},
                ],
                "path": f"/{orcid}/keywords",
            },
            "external-identifiers": {"external-identifier": []},
            "path": f"/{orcid}/person",
        },
        "activities-summary": {
            "educations": {"affiliation-group": []},
            "employments": {
                "affiliation-group": [
                    {
                        "external-ids": {"external-id": []},
                        "summaries": [
                            {
                                "employment-summary": {
                                    "department-name": "School of Education",
                                    "role-title": "Lecturer",
                                    "start-date": {
                                        "year": {"value": "2016"},
                                        "month": {"value": "09"},
                                        "day": None,
                                    },
                                    "end-date": {
                                        "year": {"value": "2020"},
                                        "month": {"value": "08"},
                                        "day": None,
                                    },
                                    "organization": {
                                        "name": "University of York",
                                        "address": {"city": "York", "region": None, "country": "GB"},
                                    },
                                }
                            }
                        ],
                    },
                    {
                        "external-ids": {"external-id": []},
                        "summaries": [
                            {
                                "employment-summary": {
                                    "department-name": "School of Education",
                                    "role-title": "Associate Professor",
                                    "start-date": {
                                        "year": {"value": "2020"},
                                        "month": {"value": "09"},
                                        "day": None,
                                    },
                                    "end-date": None,
                                    "organization": {
                                        "name": "University of Leeds",
                                        "address": {"city": "Leeds", "region": None, "country": "GB"},
                                        "disambiguated-organization": {
                                            "disambiguated-organization-identifier": "https://ror.org/024mrxd33",
                                            "disambiguation-source": "ROR",
                                        },
                                    },
                                }
                            }
                        ],
                    },
                ]
            },
            "works": {
                "group": [
                    {
                        "external-ids": {"external-id": []},
                        "work-summary": [
                            {
                                "title": {
                                    "title": {"value": "Early language and school readiness in Bradford"}
                                },
                                "external-ids": {
                                    "external-id": [
                                        {
                                            "external-id-type": "doi",
                                            "external-id-value": "10.1136/bmjopen-2021-012345",
                                            "external-id-url": {
                                                "value": "https://doi.org/10.1136/bmjopen-2021-012345"
                                            },
                                            "external-id-relationship": "self",
                                        }
                                    ]
                                },
                                "type": "journal-article",
                                "publication-date": {
                                    "year": {"value": "2022"},
                                    "month": {"value": "03"},
                                    "day": None,
                                },
                            }
                        ],
                    },
                    {
                        "external-ids": {"external-id": []},
                        "work-summary": [
                            {
                                "title": {"title": {"value": "Élan vital: a report on nursery provision"}},
                                "external-ids": {"external-id": []},
                                "type": "report",
                                "publication-date": {"year": {"value": "2019"}, "month": None, "day": None},
                            }
                        ],
                    },
                ]
            },
        },
    }


def as_json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
