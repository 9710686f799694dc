"""Load the names people use for northern places, for search to understand "SEND Bradford" or "asthma West
Yorkshire": every authority's official name; the short forms, towns and former districts people type
for one authority; the combined authorities, counties and other groups; the three regions; the North.

Authorities are named here by their official names from 0002. From here on curators keep the names in
the admin. Reversing removes the names this migration loaded and leaves curators' own.
"""

from django.db import migrations

AUTHORITY, EVERYDAY, SUB_REGION, REGION, NORTH = "authority", "everyday", "sub-region", "region", "north"
EVERY_AREA = "every area"

# How search shows an authority whose official name reads oddly in a sentence.
AUTHORITY_LABELS = {"Kingston upon Hull, City of": "Kingston upon Hull"}

# Shorter forms of an official name: (as typed, the authority's official name). Shown as the authority.
SHORT_FORMS = [
    ("Kingston upon Hull", "Kingston upon Hull, City of"),
    ("Hull", "Kingston upon Hull, City of"),
    ("Newcastle", "Newcastle upon Tyne"),
    ("Durham", "County Durham"),
    ("Co Durham", "County Durham"),
    ("Blackburn", "Blackburn with Darwen"),
    ("Darwen", "Blackburn with Darwen"),
    ("St Helens", "St. Helens"),
    ("Saint Helens", "St. Helens"),
    ("Stockton", "Stockton-on-Tees"),
    ("Redcar", "Redcar and Cleveland"),
    ("Redcar & Cleveland", "Redcar and Cleveland"),
    ("East Riding", "East Riding of Yorkshire"),
    ("Cheshire West", "Cheshire West and Chester"),
    ("Chester", "Cheshire West and Chester"),
    ("East Cheshire", "Cheshire East"),
    ("Westmorland", "Westmorland and Furness"),
    ("Furness", "Westmorland and Furness"),
    ("North East Lincs", "North East Lincolnshire"),
    ("NE Lincs", "North East Lincolnshire"),
    ("North Lincs", "North Lincolnshire"),
    ("West Lancs", "West Lancashire"),
]

# Towns people name instead of their authority: (as typed, the authority's official name).
# Shown as "Huddersfield (Kirklees)". The districts abolished in 2023 come from the retired codes (0002).
TOWNS = [
    ("Huddersfield", "Kirklees"),
    ("Dewsbury", "Kirklees"),
    ("Batley", "Kirklees"),
    ("Colne Valley", "Kirklees"),
    ("Halifax", "Calderdale"),
    ("Brighouse", "Calderdale"),
    ("Todmorden", "Calderdale"),
    ("Keighley", "Bradford"),
    ("Ilkley", "Bradford"),
    ("Pontefract", "Wakefield"),
    ("Castleford", "Wakefield"),
    ("Birkenhead", "Wirral"),
    ("Wallasey", "Wirral"),
    ("Southport", "Sefton"),
    ("Bootle", "Sefton"),
    ("Formby", "Sefton"),
    ("Huyton", "Knowsley"),
    ("Prescot", "Knowsley"),
    ("Widnes", "Halton"),
    ("Runcorn", "Halton"),
    ("Altrincham", "Trafford"),
    ("Sale", "Trafford"),
    ("Stretford", "Trafford"),
    ("Urmston", "Trafford"),
    ("Ashton-under-Lyne", "Tameside"),
    ("Hyde", "Tameside"),
    ("Stalybridge", "Tameside"),
    ("Leigh", "Wigan"),
    ("Morecambe", "Lancaster"),
    ("Accrington", "Hyndburn"),
    ("Nelson", "Pendle"),
    ("Colne", "Pendle"),
    ("Rawtenstall", "Rossendale"),
    ("Bacup", "Rossendale"),
    ("Lytham St Annes", "Fylde"),
    ("Lytham", "Fylde"),
    ("Fleetwood", "Wyre"),
    ("Poulton-le-Fylde", "Wyre"),
    ("Leyland", "South Ribble"),
    ("Penwortham", "South Ribble"),
    ("Ormskirk", "West Lancashire"),
    ("Skelmersdale", "West Lancashire"),
    ("Clitheroe", "Ribble Valley"),
    ("Crewe", "Cheshire East"),
    ("Macclesfield", "Cheshire East"),
    ("Congleton", "Cheshire East"),
    ("Nantwich", "Cheshire East"),
    ("Wilmslow", "Cheshire East"),
    ("Ellesmere Port", "Cheshire West and Chester"),
    ("Northwich", "Cheshire West and Chester"),
    ("Winsford", "Cheshire West and Chester"),
    ("Workington", "Cumberland"),
    ("Whitehaven", "Cumberland"),
    ("Keswick", "Cumberland"),
    ("Cockermouth", "Cumberland"),
    ("Maryport", "Cumberland"),
    ("Barrow", "Westmorland and Furness"),
    ("Kendal", "Westmorland and Furness"),
    ("Penrith", "Westmorland and Furness"),
    ("Ulverston", "Westmorland and Furness"),
    ("Windermere", "Westmorland and Furness"),
    ("Whitby", "North Yorkshire"),
    ("Northallerton", "North Yorkshire"),
    ("Skipton", "North Yorkshire"),
    ("Ripon", "North Yorkshire"),
    ("Richmond", "North Yorkshire"),
    ("Knaresborough", "North Yorkshire"),
    ("Thirsk", "North Yorkshire"),
    ("Malton", "North Yorkshire"),
    ("Beverley", "East Riding of Yorkshire"),
    ("Bridlington", "East Riding of Yorkshire"),
    ("Goole", "East Riding of Yorkshire"),
    ("Grimsby", "North East Lincolnshire"),
    ("Cleethorpes", "North East Lincolnshire"),
    ("Scunthorpe", "North Lincolnshire"),
    ("Bishop Auckland", "County Durham"),
    ("Consett", "County Durham"),
    ("Chester-le-Street", "County Durham"),
    ("Peterlee", "County Durham"),
    ("Seaham", "County Durham"),
    ("Newton Aycliffe", "County Durham"),
    ("Hexham", "Northumberland"),
    ("Blyth", "Northumberland"),
    ("Cramlington", "Northumberland"),
    ("Ashington", "Northumberland"),
    ("Morpeth", "Northumberland"),
    ("Alnwick", "Northumberland"),
    ("Berwick-upon-Tweed", "Northumberland"),
    ("Berwick", "Northumberland"),
    ("Wallsend", "North Tyneside"),
    ("Whitley Bay", "North Tyneside"),
    ("Tynemouth", "North Tyneside"),
    ("North Shields", "North Tyneside"),
    ("South Shields", "South Tyneside"),
    ("Jarrow", "South Tyneside"),
    ("Hebburn", "South Tyneside"),
    ("Washington", "Sunderland"),
    ("Houghton-le-Spring", "Sunderland"),
    ("Wearside", "Sunderland"),
    ("Billingham", "Stockton-on-Tees"),
    ("Thornaby", "Stockton-on-Tees"),
    ("Yarm", "Stockton-on-Tees"),
    ("Guisborough", "Redcar and Cleveland"),
    ("Saltburn", "Redcar and Cleveland"),
]

WEST_YORKSHIRE = ["Bradford", "Calderdale", "Kirklees", "Leeds", "Wakefield"]
SOUTH_YORKSHIRE = ["Barnsley", "Doncaster", "Rotherham", "Sheffield"]
GREATER_MANCHESTER = [
    "Bolton", "Bury", "Manchester", "Oldham", "Rochdale", "Salford", "Stockport", "Tameside", "Trafford", "Wigan",
]
MERSEYSIDE = ["Knowsley", "Liverpool", "St. Helens", "Sefton", "Wirral"]
TYNESIDE = ["Gateshead", "Newcastle upon Tyne", "North Tyneside", "South Tyneside"]
TYNE_AND_WEAR = [*TYNESIDE, "Sunderland"]
TEESSIDE = ["Middlesbrough", "Redcar and Cleveland", "Stockton-on-Tees"]
CLEVELAND = [*TEESSIDE, "Hartlepool"]
TEES_VALLEY = [*CLEVELAND, "Darlington"]
YORK_AND_NORTH_YORKSHIRE = ["York", "North Yorkshire"]
HULL_AND_EAST_YORKSHIRE = ["Kingston upon Hull, City of", "East Riding of Yorkshire"]
HUMBER = [*HULL_AND_EAST_YORKSHIRE, "North East Lincolnshire", "North Lincolnshire"]
LANCASHIRE = [
    "Burnley", "Chorley", "Fylde", "Hyndburn", "Lancaster", "Pendle", "Preston", "Ribble Valley", "Rossendale",
    "South Ribble", "West Lancashire", "Wyre", "Blackburn with Darwen", "Blackpool",
]
CHESHIRE = ["Cheshire East", "Cheshire West and Chester", "Warrington", "Halton"]

# Names for several authorities: (label, kind, the names people type, the members: official names, a
# region code, or EVERY_AREA). Every name of a group is shown with the group's label.
GROUPS = [
    ("West Yorkshire", SUB_REGION, ["West Yorkshire", "West Yorkshire Combined Authority", "West Yorks"],
     WEST_YORKSHIRE),
    ("South Yorkshire", SUB_REGION,
     ["South Yorkshire", "South Yorkshire Mayoral Combined Authority", "South Yorks"], SOUTH_YORKSHIRE),
    ("Greater Manchester", SUB_REGION, ["Greater Manchester", "Greater Manchester Combined Authority"],
     GREATER_MANCHESTER),
    ("Liverpool City Region", SUB_REGION,
     ["Liverpool City Region", "Liverpool City Region Combined Authority"], [*MERSEYSIDE, "Halton"]),
    ("Merseyside", SUB_REGION, ["Merseyside"], MERSEYSIDE),
    ("Tyne and Wear", SUB_REGION, ["Tyne and Wear", "Tyne & Wear"], TYNE_AND_WEAR),
    ("Tyneside", SUB_REGION, ["Tyneside"], TYNESIDE),
    ("North East Combined Authority", SUB_REGION, ["North East Combined Authority"],
     [*TYNE_AND_WEAR, "County Durham", "Northumberland"]),
    ("Tees Valley", SUB_REGION, ["Tees Valley", "Tees Valley Combined Authority"], TEES_VALLEY),
    ("Teesside", SUB_REGION, ["Teesside"], TEESSIDE),
    ("Cleveland", SUB_REGION, ["Cleveland"], CLEVELAND),
    ("York and North Yorkshire", SUB_REGION,
     ["York and North Yorkshire", "York and North Yorkshire Combined Authority", "North Yorkshire and York"],
     YORK_AND_NORTH_YORKSHIRE),
    ("Hull and East Yorkshire", SUB_REGION,
     ["Hull and East Yorkshire", "Hull and East Yorkshire Combined Authority", "Hull and East Riding"],
     HULL_AND_EAST_YORKSHIRE),
    ("East Yorkshire", SUB_REGION, ["East Yorkshire"], HULL_AND_EAST_YORKSHIRE),
    ("Humber", SUB_REGION, ["Humber", "Humberside"], HUMBER),
    ("Humber and North Yorkshire", SUB_REGION, ["Humber and North Yorkshire"],
     [*HUMBER, *YORK_AND_NORTH_YORKSHIRE]),
    ("Lancashire", SUB_REGION, ["Lancashire", "Lancashire Combined County Authority", "Lancs"], LANCASHIRE),
    ("Cheshire", SUB_REGION, ["Cheshire"], CHESHIRE),
    ("Cheshire and Merseyside", SUB_REGION, ["Cheshire and Merseyside"], [*CHESHIRE, *MERSEYSIDE]),
    ("Cumbria", SUB_REGION, ["Cumbria"], ["Cumberland", "Westmorland and Furness"]),
    ("North East", REGION, ["North East", "North East England", "the North East", "North East of England"],
     "E12000001"),
    ("North West", REGION, ["North West", "North West England", "the North West", "North West of England"],
     "E12000002"),
    ("Yorkshire and The Humber", REGION,
     ["Yorkshire and The Humber", "Yorkshire and Humber", "Yorkshire & the Humber", "Yorkshire & Humber",
      "Yorkshire"],
     "E12000003"),
    ("The North of England", NORTH, ["the North", "North of England", "Northern England"], EVERY_AREA),
]

# Words that often mean something other than the place: search offers the place instead of imposing it.
AMBIGUOUS = {
    "Bury": "Also a verb (to bury).",
    "York": "Also New York, the University of York and the Duke of York.",
    "Lancaster": "Also a surname, and Lancaster University.",
    "Wigan": "Also Wigan Athletic and Wigan Warriors, the football and rugby league clubs.",
    "Durham": "Also Durham University, and Durham in North Carolina.",
    "Newcastle": "Usually Newcastle upon Tyne, but also Newcastle-under-Lyme (Staffordshire, not in the North), "
    "Newcastle University and Newcastle United.",
    "Wyre": "Also Wyre Forest, a district in Worcestershire, and the River Wyre.",
    "Eden": "Also a given name, the Eden Project in Cornwall and the River Eden.",
    "Craven": "Also an everyday word (cowardly) and a surname.",
    "Richmond": "Also Richmond upon Thames in London, and Richmond in Virginia.",
    "Sale": "Also an everyday word (for sale).",
    "Halifax": "Also the Halifax bank, and Halifax in Nova Scotia.",
    "Hyde": "Also Hyde Park, and Jekyll and Hyde.",
    "Leigh": "Also a given name, and Leigh-on-Sea in Essex.",
    "Nelson": "Also a given name and a surname.",
    "Washington": "Also Washington DC and the US state.",
    "Beverley": "Also a given name.",
    "Cleveland": "Also Cleveland in Ohio.",
}

# What a name covers, where it could surprise someone.
NOTES = {
    "North Yorkshire": "The unitary council's area since April 2023. The ceremonial county also takes in York, "
    "Middlesbrough, Redcar and Cleveland and part of Stockton-on-Tees; York and North Yorkshire is the "
    "combined authority.",
    "Halton": "Widnes and Runcorn. Not Halton in Leeds, nor Halton near Lancaster: villages in other authorities.",
    "Lancashire": "The ceremonial county and the combined county authority (2025), with Blackburn with Darwen "
    "and Blackpool; Lancashire County Council serves the other twelve.",
    "Cheshire": "The ceremonial county, with Warrington and Halton.",
    "Cumbria": "The county council and its six districts were replaced in April 2023 by Cumberland and "
    "Westmorland and Furness.",
    "Humberside": "The former county (1974 to 1996), on both banks of the Humber.",
    "Yorkshire": "Read as the region, which also takes in North and North East Lincolnshire.",
    "East Yorkshire": "The ceremonial county of the East Riding of Yorkshire, which includes Hull; "
    "East Riding alone is the council.",
    "Tyneside": "Sunderland is in Tyne and Wear, not on Tyneside.",
    "Teesside": "Hartlepool and Darlington are in the Tees Valley, not Teesside.",
    "Cleveland": "The former county (1974 to 1996), now the police area.",
    "Merseyside": "The metropolitan county; the Liverpool City Region also has Halton.",
    "Cheshire and Merseyside": "The nine places of NHS Cheshire and Merseyside (integrated care board).",
    "Humber and North Yorkshire": "The six places of the Humber and North Yorkshire Health and Care Partnership.",
    "North East": "The region: not North East Lincolnshire, which is in Yorkshire and The Humber.",
    "Colne": "Colne Valley is in Kirklees.",
    "Chester": "Chester-le-Street is in County Durham.",
}


def place_names(apps) -> list[tuple[str, str, str, list, str]]:
    """(name, kind, label, areas, note) for each name to load."""
    Area = apps.get_model("areas", "Area")
    AreaCodeAlias = apps.get_model("areas", "AreaCodeAlias")
    areas = {area.name: area for area in Area.objects.all()}

    def shown(area) -> str:
        return AUTHORITY_LABELS.get(area.name, area.name)

    def members(spec) -> list:
        if spec == EVERY_AREA:
            return list(areas.values())
        if isinstance(spec, str):
            return [area for area in areas.values() if area.region == spec]
        return [areas[name] for name in spec]

    rows = [(area.name, AUTHORITY, AUTHORITY_LABELS.get(area.name, ""), [area], "") for area in areas.values()]
    for name, official in SHORT_FORMS:
        rows.append((name, EVERYDAY, shown(areas[official]), [areas[official]], ""))
    for alias in AreaCodeAlias.objects.select_related("area").order_by("old_code"):
        # Counties are sub-regions (Cumbria) or today's authority (North Yorkshire); recoded areas kept their name.
        if "(county)" in alias.old_name or alias.old_name == alias.area.name:
            continue
        note = f"Former district, part of {alias.area.name} since {alias.effective_date:%B %Y}."
        rows.append((alias.old_name, EVERYDAY, f"{alias.old_name} ({shown(alias.area)})", [alias.area], note))
    for name, official in TOWNS:
        rows.append((name, EVERYDAY, f"{name} ({shown(areas[official])})", [areas[official]], ""))
    for label, kind, names, spec in GROUPS:
        rows.extend((name, kind, "" if name == label else label, members(spec), "") for name in names)
    return rows


def load(apps, schema_editor):
    PlaceName = apps.get_model("areas", "PlaceName")
    rows = place_names(apps)
    names = [name for name, *_ in rows]
    assert len({name.casefold() for name in names}) == len(names), "a place name is listed twice"
    assert set(AMBIGUOUS) | set(NOTES) <= set(names), "a note is for a name that is not loaded"
    PlaceName.objects.bulk_create(
        PlaceName(
            name=name,
            kind=kind,
            label=label,
            ambiguous=name in AMBIGUOUS,
            note=" ".join(part for part in (AMBIGUOUS.get(name), NOTES.get(name), note) if part),
        )
        for name, kind, label, _, note in rows
    )
    ids = dict(PlaceName.objects.values_list("name", "id"))
    Link = PlaceName.areas.through
    Link.objects.bulk_create(
        Link(placename_id=ids[name], area_id=area.pk) for name, _, _, areas, _ in rows for area in areas
    )


def unload(apps, schema_editor):
    names = [name for name, *_ in place_names(apps)]
    apps.get_model("areas", "PlaceName").objects.filter(name__in=names).delete()


class Migration(migrations.Migration):
    dependencies = [("areas", "0003_placename")]

    operations = [migrations.RunPython(load, unload)]
