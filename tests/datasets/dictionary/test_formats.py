"""Reading a data dictionary from CSV, HDR UK JSON and DDI-Codebook XML, and refusing bad files clearly."""

import json

import pytest

from datasets.dictionary import formats
from datasets.dictionary.formats import FileProblem, read
from tests.reference import reference_path

CSV = "name,label,type,values,ages,table\nfsm_eligible,Free school meals eligibility,boolean,0 = No; 1 = Yes,5-16,Census\n"

DDI = """<?xml version="1.0" encoding="UTF-8"?>
<codeBook xmlns="ddi:codebook:2_5" version="2.5">
  <stdyDscr><citation><titlStmt><titl>Millennium Cohort Study</titl></titlStmt></citation></stdyDscr>
  <fileDscr ID="F1"><fileTxt><fileName>mcs2_cm_interview</fileName><fileCont>Sweep 2, age 3</fileCont></fileTxt></fileDscr>
  <dataDscr>
    <var ID="V1" name="BHCSEX00" files="F1" intrvl="discrete">
      <labl>Cohort member's sex</labl>
      <catgry><catValu>1</catValu><labl>Male</labl></catgry>
      <catgry><catValu>2</catValu><labl>Female</labl></catgry>
      <concept>Demographics</concept>
      <varFormat type="numeric"/>
    </var>
    <var ID="V2" name="BCHTCM00" files="F1" intrvl="contin">
      <labl>Height in cm</labl><varFormat type="numeric"/>
    </var>
  </dataDscr>
</codeBook>"""


def test_it_reads_a_csv_row_per_variable():
    kind, rows = read(CSV.encode(), "dictionary.csv")
    assert kind == formats.CSV
    assert rows[0]["name"] == "fsm_eligible"
    assert rows[0]["values"] == "0 = No\n1 = Yes"
    assert rows[0]["row"] == "Row 2"


def test_it_reads_windows_csv_but_refuses_a_file_that_is_not_text():
    _, rows = read("name,label\nfsm,Écoles\n".encode("cp1252"), "dictionary.csv")
    assert rows[0]["label"] == "Écoles"
    with pytest.raises(FileProblem, match="not text in UTF-8"):
        read("name,label\nfsm,Free\n".encode("utf-16"), "dictionary.csv")


def test_it_names_the_columns_it_does_not_know():
    with pytest.raises(FileProblem, match="colour"):
        read(b"name,colour\nfsm,blue\n", "dictionary.csv")
    with pytest.raises(FileProblem, match="“name” column"):
        read(b"label\nFree school meals\n", "dictionary.csv")


def test_it_refuses_more_than_it_can_import_in_one_go():
    text = "name\n" + "".join(f"v{number}\n" for number in range(50_000))
    with pytest.raises(FileProblem, match="50,000 variables; the most one import takes is 20,000"):
        read(text.encode(), "big.csv")


def test_it_reads_hdruk_structural_metadata():
    document = {
        "structuralMetadata": {
            "tables": [
                {
                    "name": "NCMP",
                    "description": "Child measurements",
                    "columns": [
                        {"name": "BMI_CENTILE", "dataType": "FLOAT", "sensitive": False},
                        {
                            "name": "SCHOOL_YEAR",
                            "dataType": "VARCHAR(2)",
                            "sensitive": False,
                            "values": [{"name": "R", "description": "Reception"}, {"name": "6"}],
                        },
                    ],
                }
            ]
        }
    }
    kind, rows = read(json.dumps(document).encode(), "metadata.json")
    assert kind == formats.HDRUK
    assert [(row["name"], row["type"]) for row in rows] == [
        ("BMI_CENTILE", "decimal"),
        ("SCHOOL_YEAR", "category"),
    ]
    assert rows[1]["values"] == "R = Reception\n6"
    assert rows[0]["table"] == "NCMP"


def test_hdruk_shape_comes_from_the_real_schema():
    """The columns our reader takes are the schema's own: name, dataType, description and values."""
    schema = json.loads(reference_path("real-documents/hdruk_3.0.0_schema.json").read_text())
    column = schema["$defs"]["DataColumn"]["properties"]
    assert {"name", "dataType", "description", "values"} <= set(column)
    assert "columns" in schema["$defs"]["DataTable"]["properties"]


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"{not json", "not valid JSON"),
        (b'{"title": "no structure"}', "no HDR UK structural metadata"),
        ('{"tables": []}'.encode("utf-16"), "not UTF-8"),
        (b'{"tables": [{"columns": [{"dataType": "INT"}]}]}', "column 1 has no name"),
        (b"[" * 100_000 + b"]" * 100_000, "nests lists or objects too deeply"),
    ],
)
def test_it_explains_bad_json(content, reason):
    with pytest.raises(FileProblem, match=reason):
        read(content, "metadata.json")


def test_it_reads_a_ddi_codebook():
    kind, rows = read(DDI.encode(), "mcs.xml")
    assert kind == formats.DDI
    sex, height = rows
    assert (sex["name"], sex["label"], sex["type"], sex["topic"]) == (
        "BHCSEX00",
        "Cohort member's sex",
        "category",
        "Demographics",
    )
    assert sex["values"] == "1 = Male\n2 = Female"
    assert sex["table"] == "mcs2_cm_interview"
    assert height["type"] == "decimal"


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<codeBook><dataDscr><var name="x"><labl>&lol3;</labl></var></dataDscr></codeBook>"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE codeBook [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<codeBook><dataDscr><var name="x"><labl>&secret;</labl></var></dataDscr></codeBook>"""


@pytest.mark.parametrize("hostile", [BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_it_refuses_xml_with_entities(hostile):
    with pytest.raises(FileProblem, match="document type or entities"):
        read(hostile.encode(), "codebook.xml")


def test_it_explains_xml_that_is_not_a_codebook():
    with pytest.raises(FileProblem, match="not well-formed"):
        read(b"<codeBook><var></codeBook>", "codebook.xml")
    with pytest.raises(FileProblem, match="not a DDI codebook"):
        read(b"<html><body/></html>", "page.xml")


def test_odd_json_shapes_are_read_as_far_as_they_make_sense():
    document = b'{"tables": [{"name": 7, "columns": [{"name": "x", "dataType": null, "values": 5}]}]}'
    [row] = read(document, "metadata.json")[1]
    assert (row["table"], row["name"], row["type"], row["values"]) == ("7", "x", "other", "")
