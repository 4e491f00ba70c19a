"""Planar geometry helpers for conflictmap's geodata build (stdlib only).

Decodes quantized TopoJSON, splits rings that jump across the antimeridian,
finds a representative point inside a polygon and writes RFC 7946 GeoJSON.
Coordinates are (lon, lat) tuples; a polygon is a list of closed rings with
the outer ring first.
"""
import json
import math

def decode_topojson(topo, obj="countries"):
    """Yield (geometry, polygons) for each geometry of a quantized TopoJSON object.

    Arcs are delta-encoded integer pairs scaled by `transform`; an arc index ~i
    means arc i reversed. Each polygon is a list of closed rings [(lon, lat), ...],
    outer ring first. Rings crossing the antimeridian are split (see split_polygon).
    """
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(indices):
        pts = []
        for i in indices:
            seg = arcs[i] if i >= 0 else arcs[~i][::-1]
            pts.extend(seg if not pts else seg[1:])
        return pts

    for geom in topo["objects"][obj]["geometries"]:
        if geom.get("type") == "Polygon":
            raw = [geom["arcs"]]
        elif geom.get("type") == "MultiPolygon":
            raw = geom["arcs"]
        else:
            raw = []
        polygons = []
        for poly in raw:
            polygons.extend(split_polygon([ring(r) for r in poly]))
        yield geom, polygons


def split_polygon(rings):
    """Split a polygon whose outer ring jumps across the antimeridian (±180).

    world-atlas keeps e.g. Chukotka and the rest of Russia in one ring that
    jumps between +180 and -180; drawn flat, that ring spans the whole map.
    The ring is cut at each jump into pieces that stay on one side, each piece
    is closed along the ±180 meridian, and holes go to the piece that contains
    them. Rings with an odd number of jumps (Antarctica circling the pole) are
    left as they are.
    """
    outer = rings[0][:-1] if rings[0][0] == rings[0][-1] else rings[0]
    n = len(outer)
    jumps = [i for i in range(n) if abs(outer[(i + 1) % n][0] - outer[i][0]) > 180]
    if not jumps or len(jumps) % 2:
        return [rings]
    start = (jumps[0] + 1) % n
    seq = outer[start:] + outer[:start]
    pieces, cur = [], []
    for i, p in enumerate(seq):
        cur.append(p)
        q = seq[(i + 1) % n]
        if abs(q[0] - p[0]) > 180:
            side = 180.0 if p[0] > 0 else -180.0
            qx = q[0] + 2 * side  # q unwrapped onto p's side
            t = (side - p[0]) / (qx - p[0]) if qx != p[0] else 0.0
            lat = p[1] + t * (q[1] - p[1])
            if p != (side, lat):
                cur.append((side, lat))
            pieces.append(cur)
            cur = [] if q == (-side, lat) else [(-side, lat)]
    result = []
    for piece in pieces:
        if len(piece) >= 3:
            result.append([piece + [piece[0]]])
    for hole in rings[1:]:
        for poly in result:
            if point_in_ring(hole[0], poly[0]):
                poly.append(hole)
                break
    return result


def signed_area(ring):
    """Shoelace area of a closed ring in degree² (positive = counter-clockwise)."""
    return 0.5 * sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:]))


def polygon_area(polygon):
    """Approximate true-size area: |outer| - |holes|, scaled by cos(latitude)."""
    area = abs(signed_area(polygon[0])) - sum(abs(signed_area(h)) for h in polygon[1:])
    lats = [y for _, y in polygon[0]]
    return area * math.cos(math.radians((min(lats) + max(lats)) / 2))


def point_in_ring(pt, ring):
    """Ray casting test for a closed ring."""
    x, y = pt
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def point_in_polygon(pt, polygon):
    """True if pt is inside the outer ring and outside every hole."""
    return point_in_ring(pt, polygon[0]) and not any(point_in_ring(pt, h) for h in polygon[1:])


def centroid(polygon):
    """Area centroid of a polygon with holes (holes subtract)."""
    a_sum = cx = cy = 0.0
    for i, ring in enumerate(polygon):
        a = signed_area(ring)
        if a == 0:
            continue
        weight = abs(a) if i == 0 else -abs(a)  # holes subtract
        rx = sum((x1 + x2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in zip(ring, ring[1:]))
        ry = sum((y1 + y2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in zip(ring, ring[1:]))
        cx += weight * rx / (6.0 * a)  # rx / 6a is the ring's own centroid
        cy += weight * ry / (6.0 * a)
        a_sum += weight
    if a_sum == 0:
        return polygon[0][0]
    return cx / a_sum, cy / a_sum


def edges_of(polygon):
    """The non-horizontal edges of a polygon's rings, as (x1, y1, x2, y2)."""
    return [(x1, y1, x2, y2) for ring in polygon
            for (x1, y1), (x2, y2) in zip(ring, ring[1:]) if y1 != y2]


def crossings(edges, lat):
    """Sorted longitudes where the horizontal line at `lat` crosses the edges: inside between
    the first and second, the third and fourth, ..."""
    return sorted(x1 + (lat - y1) * (x2 - x1) / (y2 - y1)
                  for x1, y1, x2, y2 in edges if (y1 > lat) != (y2 > lat))


def widest_segment_mid(polygon, lat):
    """Midpoint and width of the widest inside-segment of the horizontal line at `lat`."""
    xs = crossings(edges_of(polygon), lat)
    best = None
    for a, b in zip(xs[0::2], xs[1::2]):
        if best is None or b - a > best[1]:
            best = (((a + b) / 2, lat), b - a)
    return best


def representative_point(polygon):
    """Centroid if it lies inside, else the middle of the widest horizontal chord."""
    c = centroid(polygon)
    if point_in_polygon(c, polygon):
        return c
    lats = [y for _, y in polygon[0]]
    candidates = [widest_segment_mid(polygon, lat) for lat in ((min(lats) + max(lats)) / 2, c[1])]
    candidates = [cand for cand in candidates if cand]
    return max(candidates, key=lambda cand: cand[1])[0] if candidates else polygon[0][0]


# --------------------------------------------------------------------------- GeoJSON

def geojson_ring(ring, ccw):
    """Round to 4 decimals, drop repeated points, close, orient (RFC 7946)."""
    out = []
    for x, y in ring:
        p = [round(x, 4) + 0.0, round(y, 4) + 0.0]  # + 0.0 turns -0.0 into 0.0
        if not out or p != out[-1]:
            out.append(p)
    if out and out[0] != out[-1]:
        out.append(list(out[0]))
    if len(out) < 4:
        return None
    if (signed_area(out) > 0) != ccw:
        out.reverse()
    return out


def build_geojson(features):
    """features: list of (name, iso_a2, iso_n3, polygons) -> compact GeoJSON text."""
    out = []
    for name, iso_a2, iso_n3, polygons in features:
        coords = []
        for poly in polygons:
            outer = geojson_ring(poly[0], ccw=True)
            if outer:
                holes = [geojson_ring(h, ccw=False) for h in poly[1:]]
                coords.append([outer] + [h for h in holes if h])
        if not coords:
            continue
        geometry = ({"type": "Polygon", "coordinates": coords[0]} if len(coords) == 1
                    else {"type": "MultiPolygon", "coordinates": coords})
        out.append({"type": "Feature",
                    "properties": {"name": name, "iso_a2": iso_a2, "iso_n3": iso_n3},
                    "geometry": geometry})
    return json.dumps({"type": "FeatureCollection", "features": out},
                      ensure_ascii=False, separators=(",", ":")) + "\n"


# --------------------------------------------------------------------------- areas from towns

def grid_inside(polygons, target=4000):
    """About `target` points of a regular lat/lon grid inside the polygons, as (lon, lat, weight).

    The step comes from the polygons' own area, not their bounding box (the US's spans the
    antimeridian). Each polygon's rows are scanned once: a row's crossings with the rings give
    the inside intervals, so the cost is edges x rows, not edges x points. The weight is
    cos(lat), the cell's relative area.
    """
    area = sum(abs(signed_area(p[0])) for p in polygons)
    step = max(0.02, math.sqrt(area / target)) if area > 0 else 0.02
    out = []
    for polygon in polygons:
        ys = [y for _, y in polygon[0]]
        edges = edges_of(polygon)
        lat = math.floor(min(ys) / step) * step + step / 2
        while lat < max(ys):
            xs = crossings(edges, lat)
            weight = math.cos(math.radians(lat))
            for a, b in zip(xs[0::2], xs[1::2]):
                x = math.ceil(a / step) * step
                while x < b:
                    out.append((x, lat, weight))
                    x += step
            lat += step
    return out


def town_cells_centres(polygons, towns, target=4000):
    """{area code: (lat, lon)}: where each area's share of a country lies, from its towns alone.

    Every grid point inside the country goes to the area of its nearest town (a Voronoi
    partition of the country by towns); an area's point is the grid point of its own share
    nearest to that share's area-weighted mean, so it is inside the country and inside the share.
    `towns` is a list of (lat, lon, area code). Areas that win no grid point are left out.
    """
    cell = 1.0
    buckets = {}
    for lat, lon, code in towns:
        buckets.setdefault((math.floor(lat / cell), math.floor(lon / cell)), []).append(
            (lat, lon, code))
    shares = {}
    for x, y, w in grid_inside(polygons, target):
        code = nearest_town_code(buckets, cell, y, x)
        if code is not None:
            shares.setdefault(code, []).append((x, y, w))
    centres = {}
    for code, pts in shares.items():
        xs = [x for x, _, _ in pts]
        shift = 360.0 if max(xs) - min(xs) > 180 else 0.0  # a share across the antimeridian
        unwrap = [(x + shift if x < 0 else x, y, w) for x, y, w in pts]
        total = sum(w for _, _, w in unwrap)
        mx = sum(x * w for x, _, w in unwrap) / total
        my = sum(y * w for _, y, w in unwrap) / total
        bx, by, _ = min(unwrap, key=lambda p: (p[0] - mx) ** 2 + (p[1] - my) ** 2)
        centres[code] = (by, bx - 360.0 if bx > 180 else bx)
    return centres


def nearest_town_code(buckets, cell, lat, lon):
    """Area code of the town nearest to (lat, lon), searching rings of 1-degree buckets outwards."""
    bi, bj = math.floor(lat / cell), math.floor(lon / cell)
    best, best_d = None, None
    cos_lat = math.cos(math.radians(lat))
    for r in range(0, 60):
        # every town r rings out is at least (r - 1) cells away, east-west shrunk by cos(lat)
        if best is not None and (r - 1) * cell * cos_lat > math.sqrt(best_d):
            break
        for i in range(bi - r, bi + r + 1):
            for j in range(bj - r, bj + r + 1):
                if max(abs(i - bi), abs(j - bj)) != r:
                    continue
                for tlat, tlon, code in buckets.get((i, j), ()):
                    d = (tlat - lat) ** 2 + ((tlon - lon) * cos_lat) ** 2
                    if best_d is None or d < best_d:
                        best, best_d = code, d
    return best
