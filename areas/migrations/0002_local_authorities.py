"""Load the 62 current northern local authorities and the codes retired in 2023 and 2025."""

import datetime

from django.db import migrations

# (ONS code, name, region code)
LOCAL_AUTHORITIES = [
    ('E06000001', 'Hartlepool', 'E12000001'),
    ('E06000002', 'Middlesbrough', 'E12000001'),
    ('E06000003', 'Redcar and Cleveland', 'E12000001'),
    ('E06000004', 'Stockton-on-Tees', 'E12000001'),
    ('E06000005', 'Darlington', 'E12000001'),
    ('E06000047', 'County Durham', 'E12000001'),
    ('E06000057', 'Northumberland', 'E12000001'),
    ('E08000021', 'Newcastle upon Tyne', 'E12000001'),
    ('E08000022', 'North Tyneside', 'E12000001'),
    ('E08000023', 'South Tyneside', 'E12000001'),
    ('E08000024', 'Sunderland', 'E12000001'),
    ('E08000037', 'Gateshead', 'E12000001'),
    ('E06000006', 'Halton', 'E12000002'),
    ('E06000007', 'Warrington', 'E12000002'),
    ('E06000008', 'Blackburn with Darwen', 'E12000002'),
    ('E06000009', 'Blackpool', 'E12000002'),
    ('E06000049', 'Cheshire East', 'E12000002'),
    ('E06000050', 'Cheshire West and Chester', 'E12000002'),
    ('E06000063', 'Cumberland', 'E12000002'),
    ('E06000064', 'Westmorland and Furness', 'E12000002'),
    ('E07000117', 'Burnley', 'E12000002'),
    ('E07000118', 'Chorley', 'E12000002'),
    ('E07000119', 'Fylde', 'E12000002'),
    ('E07000120', 'Hyndburn', 'E12000002'),
    ('E07000121', 'Lancaster', 'E12000002'),
    ('E07000122', 'Pendle', 'E12000002'),
    ('E07000123', 'Preston', 'E12000002'),
    ('E07000124', 'Ribble Valley', 'E12000002'),
    ('E07000125', 'Rossendale', 'E12000002'),
    ('E07000126', 'South Ribble', 'E12000002'),
    ('E07000127', 'West Lancashire', 'E12000002'),
    ('E07000128', 'Wyre', 'E12000002'),
    ('E08000001', 'Bolton', 'E12000002'),
    ('E08000002', 'Bury', 'E12000002'),
    ('E08000003', 'Manchester', 'E12000002'),
    ('E08000004', 'Oldham', 'E12000002'),
    ('E08000005', 'Rochdale', 'E12000002'),
    ('E08000006', 'Salford', 'E12000002'),
    ('E08000007', 'Stockport', 'E12000002'),
    ('E08000008', 'Tameside', 'E12000002'),
    ('E08000009', 'Trafford', 'E12000002'),
    ('E08000010', 'Wigan', 'E12000002'),
    ('E08000011', 'Knowsley', 'E12000002'),
    ('E08000012', 'Liverpool', 'E12000002'),
    ('E08000013', 'St. Helens', 'E12000002'),
    ('E08000014', 'Sefton', 'E12000002'),
    ('E08000015', 'Wirral', 'E12000002'),
    ('E06000010', 'Kingston upon Hull, City of', 'E12000003'),
    ('E06000011', 'East Riding of Yorkshire', 'E12000003'),
    ('E06000012', 'North East Lincolnshire', 'E12000003'),
    ('E06000013', 'North Lincolnshire', 'E12000003'),
    ('E06000014', 'York', 'E12000003'),
    ('E06000065', 'North Yorkshire', 'E12000003'),
    ('E08000017', 'Doncaster', 'E12000003'),
    ('E08000018', 'Rotherham', 'E12000003'),
    ('E08000032', 'Bradford', 'E12000003'),
    ('E08000033', 'Calderdale', 'E12000003'),
    ('E08000034', 'Kirklees', 'E12000003'),
    ('E08000035', 'Leeds', 'E12000003'),
    ('E08000036', 'Wakefield', 'E12000003'),
    ('E08000038', 'Barnsley', 'E12000003'),
    ('E08000039', 'Sheffield', 'E12000003'),
]

# (retired code, its name, the current code it maps to, the day it was retired)
RETIRED_CODES = [
    ('E07000026', 'Allerdale', 'E06000063', datetime.date(2023, 4, 1)),
    ('E07000028', 'Carlisle', 'E06000063', datetime.date(2023, 4, 1)),
    ('E07000029', 'Copeland', 'E06000063', datetime.date(2023, 4, 1)),
    ('E07000027', 'Barrow-in-Furness', 'E06000064', datetime.date(2023, 4, 1)),
    ('E07000030', 'Eden', 'E06000064', datetime.date(2023, 4, 1)),
    ('E07000031', 'South Lakeland', 'E06000064', datetime.date(2023, 4, 1)),
    ('E10000006', 'Cumbria (county)', 'E06000063', datetime.date(2023, 4, 1)),
    ('E10000006', 'Cumbria (county)', 'E06000064', datetime.date(2023, 4, 1)),
    ('E07000163', 'Craven', 'E06000065', datetime.date(2023, 4, 1)),
    ('E07000164', 'Hambleton', 'E06000065', datetime.date(2023, 4, 1)),
    ('E07000165', 'Harrogate', 'E06000065', datetime.date(2023, 4, 1)),
    ('E07000166', 'Richmondshire', 'E06000065', datetime.date(2023, 4, 1)),
    ('E07000167', 'Ryedale', 'E06000065', datetime.date(2023, 4, 1)),
    ('E07000168', 'Scarborough', 'E06000065', datetime.date(2023, 4, 1)),
    ('E07000169', 'Selby', 'E06000065', datetime.date(2023, 4, 1)),
    ('E10000023', 'North Yorkshire (county)', 'E06000065', datetime.date(2023, 4, 1)),
    ('E08000016', 'Barnsley', 'E08000038', datetime.date(2025, 4, 1)),
    ('E08000019', 'Sheffield', 'E08000039', datetime.date(2025, 4, 1)),
]


def load(apps, schema_editor):
    Area = apps.get_model("areas", "Area")
    AreaCodeAlias = apps.get_model("areas", "AreaCodeAlias")
    for code, name, region in LOCAL_AUTHORITIES:
        Area.objects.update_or_create(code=code, defaults={"name": name, "region": region})
    for old_code, old_name, new_code, effective_date in RETIRED_CODES:
        AreaCodeAlias.objects.update_or_create(
            old_code=old_code,
            area=Area.objects.get(code=new_code),
            defaults={"old_name": old_name, "effective_date": effective_date},
        )


def unload(apps, schema_editor):
    apps.get_model("areas", "AreaCodeAlias").objects.all().delete()
    apps.get_model("areas", "Area").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("areas", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
