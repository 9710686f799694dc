"""Where each northern local authority sits on the coverage map: a square-tile cartogram.

Every authority gets one equal square, whatever its size, so that Blackpool counts as much as
North Yorkshire. Columns run west to east and rows north to south, and the tiles keep their
real neighbours where a grid allows (Greater Manchester's ten boroughs in a three-by-four block,
West Yorkshire's five together, the Tees and the Tyne along the east coast).

The three regions are drawn apart: the North West fills columns 0–5; the North East (rows 0–4)
and Yorkshire and The Humber (rows 5–8) fill columns 6–10 and are shifted by a small gutter, so
each region reads as one block.

Each entry is the ONS code → (column, row, abbreviation). When an authority is reorganised, add
its new code here; a test checks every Area has exactly one tile and no two tiles share a place.
"""

from typing import NamedTuple


class Tile(NamedTuple):
    column: int
    row: int
    abbreviation: str


TILES: dict[str, Tile] = {
    # North East
    "E06000057": Tile(6, 0, "NBL"),  # Northumberland
    "E08000022": Tile(7, 0, "NTY"),  # North Tyneside
    "E08000021": Tile(6, 1, "NCL"),  # Newcastle upon Tyne
    "E08000023": Tile(7, 1, "STY"),  # South Tyneside
    "E08000037": Tile(6, 2, "GAT"),  # Gateshead
    "E08000024": Tile(7, 2, "SND"),  # Sunderland
    "E06000047": Tile(6, 3, "DUR"),  # County Durham
    "E06000001": Tile(7, 3, "HPL"),  # Hartlepool
    "E06000005": Tile(6, 4, "DAR"),  # Darlington
    "E06000004": Tile(7, 4, "STK"),  # Stockton-on-Tees
    "E06000002": Tile(8, 4, "MDB"),  # Middlesbrough
    "E06000003": Tile(9, 4, "RCC"),  # Redcar and Cleveland
    # North West: Cumbria and Lancashire
    "E06000063": Tile(5, 0, "CMB"),  # Cumberland
    "E06000064": Tile(5, 1, "WMF"),  # Westmorland and Furness
    "E07000121": Tile(4, 2, "LAN"),  # Lancaster
    "E06000009": Tile(2, 3, "BPL"),  # Blackpool
    "E07000128": Tile(3, 3, "WYR"),  # Wyre
    "E07000124": Tile(4, 3, "RIB"),  # Ribble Valley
    "E07000122": Tile(5, 3, "PEN"),  # Pendle
    "E07000119": Tile(2, 4, "FYL"),  # Fylde
    "E07000123": Tile(3, 4, "PRE"),  # Preston
    "E06000008": Tile(4, 4, "BBD"),  # Blackburn with Darwen
    "E07000117": Tile(5, 4, "BUR"),  # Burnley
    "E07000127": Tile(1, 5, "WLA"),  # West Lancashire
    "E07000126": Tile(2, 5, "SRB"),  # South Ribble
    "E07000118": Tile(3, 5, "CHO"),  # Chorley
    "E07000120": Tile(4, 5, "HYN"),  # Hyndburn
    "E07000125": Tile(5, 5, "ROS"),  # Rossendale
    # North West: Merseyside, Greater Manchester and Cheshire
    "E08000014": Tile(1, 6, "SEF"),  # Sefton
    "E08000010": Tile(2, 6, "WGN"),  # Wigan
    "E08000001": Tile(3, 6, "BOL"),  # Bolton
    "E08000002": Tile(4, 6, "BRY"),  # Bury
    "E08000005": Tile(5, 6, "RCH"),  # Rochdale
    "E08000012": Tile(0, 7, "LIV"),  # Liverpool
    "E08000011": Tile(1, 7, "KNW"),  # Knowsley
    "E08000013": Tile(2, 7, "STH"),  # St. Helens
    "E08000006": Tile(3, 7, "SLF"),  # Salford
    "E08000003": Tile(4, 7, "MAN"),  # Manchester
    "E08000004": Tile(5, 7, "OLD"),  # Oldham
    "E08000015": Tile(0, 8, "WRL"),  # Wirral
    "E06000006": Tile(1, 8, "HAL"),  # Halton
    "E06000007": Tile(2, 8, "WAR"),  # Warrington
    "E08000009": Tile(3, 8, "TRF"),  # Trafford
    "E08000007": Tile(4, 8, "SKP"),  # Stockport
    "E08000008": Tile(5, 8, "TAM"),  # Tameside
    "E06000050": Tile(1, 9, "CHW"),  # Cheshire West and Chester
    "E06000049": Tile(2, 9, "CHE"),  # Cheshire East
    # Yorkshire and The Humber
    "E06000065": Tile(6, 5, "NYO"),  # North Yorkshire
    "E06000014": Tile(7, 5, "YOR"),  # York
    "E06000011": Tile(8, 5, "ERY"),  # East Riding of Yorkshire
    "E08000032": Tile(6, 6, "BRD"),  # Bradford
    "E08000035": Tile(7, 6, "LDS"),  # Leeds
    "E08000036": Tile(8, 6, "WKF"),  # Wakefield
    "E06000010": Tile(9, 6, "HUL"),  # Kingston upon Hull
    "E08000033": Tile(6, 7, "CAL"),  # Calderdale
    "E08000034": Tile(7, 7, "KIR"),  # Kirklees
    "E08000038": Tile(8, 7, "BNS"),  # Barnsley
    "E08000017": Tile(9, 7, "DON"),  # Doncaster
    "E06000013": Tile(10, 7, "NLN"),  # North Lincolnshire
    "E08000039": Tile(7, 8, "SHF"),  # Sheffield
    "E08000018": Tile(8, 8, "ROT"),  # Rotherham
    "E06000012": Tile(10, 8, "NEL"),  # North East Lincolnshire
}

COLUMNS = 1 + max(tile.column for tile in TILES.values())
ROWS = 1 + max(tile.row for tile in TILES.values())
