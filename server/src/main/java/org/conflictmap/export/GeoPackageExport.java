package org.conflictmap.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.contents.Contents;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import mil.nga.sf.Point;
import org.conflictmap.events.Event;
import org.conflictmap.events.EventQuery;
import org.conflictmap.problem.InputException;
import org.conflictmap.store.EventStore;
import org.conflictmap.zones.Zone;

/**
 * Writes the events a filter matches as an OGC GeoPackage (SQLite, via the NGA library): a point
 * feature table {@code events} in EPSG:4326 with the CSV export's columns, typed (dates, whole
 * numbers, reals, a boolean), and its extent in {@code gpkg_contents}. A GeoPackage is a database
 * file, not a stream, so it is built in a file the caller then sends or moves into place.
 */
public final class GeoPackageExport {
  /** The feature table's name, as QGIS lists the layer. */
  public static final String TABLE = "events";

  static final int SRS_ID = 4326;

  /** The media type OGC registered for GeoPackage. */
  public static final String CONTENT_TYPE = "application/geopackage+sqlite3";

  /** The zones' feature table: the areas the exported events lie in, as the map draws them. */
  public static final String ZONES_TABLE = "zones";

  /** Rows written per SQLite transaction: one commit per row would be a disk sync per row. */
  private static final int COMMIT_EVERY = 10_000;

  private static final Map<String, GeoPackageDataType> TYPES =
      Map.ofEntries(
          Map.entry("event_date", GeoPackageDataType.DATE),
          Map.entry("year", GeoPackageDataType.INTEGER),
          Map.entry("time_precision", GeoPackageDataType.INTEGER),
          Map.entry("latitude", GeoPackageDataType.DOUBLE),
          Map.entry("longitude", GeoPackageDataType.DOUBLE),
          Map.entry("geo_precision", GeoPackageDataType.INTEGER),
          Map.entry("fatalities", GeoPackageDataType.INTEGER),
          Map.entry("cm_id", GeoPackageDataType.INTEGER),
          Map.entry("cm_place_id", GeoPackageDataType.INTEGER),
          Map.entry("cm_event_date_end", GeoPackageDataType.DATE),
          Map.entry("cm_injuries", GeoPackageDataType.INTEGER),
          Map.entry("cm_planned", GeoPackageDataType.BOOLEAN),
          Map.entry("cm_type_confidence", GeoPackageDataType.DOUBLE),
          Map.entry("cm_sentence_start", GeoPackageDataType.INTEGER),
          Map.entry("cm_sentence_end", GeoPackageDataType.INTEGER),
          Map.entry("cm_place_confidence", GeoPackageDataType.DOUBLE));

  private GeoPackageExport() {}

  /**
   * Writes every event matching {@code q} (its limit ignored) into a new GeoPackage at {@code
   * file}, which must not exist yet; refuses with {@link InputException.Kind#TOO_LARGE} before
   * writing when more than {@code maxRows} match. Returns how many events were written.
   */
  public static long write(EventStore store, EventQuery q, Path file, long maxRows)
      throws IOException {
    return write(store, q, null, file, maxRows);
  }

  /**
   * The same, with a second feature table {@value #ZONES_TABLE} (MultiPolygons in EPSG:4326 with
   * id, name, kind, description and validity) holding {@code zones}; null writes no zone table.
   */
  public static long write(
      EventStore store, EventQuery q, List<Zone> zones, Path file, long maxRows)
      throws IOException {
    if (maxRows < Integer.MAX_VALUE && !store.countUpTo(q, (int) maxRows).exact()) {
      throw tooLarge(maxRows);
    }
    if (!GeoPackageManager.create(file.toFile()).isFile()) {
      throw new IOException("could not create a GeoPackage at " + file);
    }
    try (GeoPackage gp = GeoPackageManager.open(file.toFile(), false)) {
      long n = fill(gp, store, q, maxRows);
      if (zones != null) {
        zones(gp, zones);
      }
      return n;
    } catch (java.sql.SQLException e) {
      throw new IOException("could not write the GeoPackage", e);
    }
  }

  private static long fill(GeoPackage gp, EventStore store, EventQuery q, long maxRows)
      throws java.sql.SQLException {
    // the NGA library seeds gpkg_spatial_ref_sys with EPSG:4326 and its OGC WKT definition
    SpatialReferenceSystem srs = gp.getSpatialReferenceSystemDao().getOrCreateCode("EPSG", 4326);
    GeometryColumns geometry = new GeometryColumns();
    geometry.setId(new TableColumnKey(TABLE, "geom"));
    geometry.setGeometryType(GeometryType.POINT);
    geometry.setZ((byte) 0);
    geometry.setM((byte) 0);
    geometry.setSrsId(srs.getSrsId());
    List<FeatureColumn> columns = new ArrayList<>();
    for (String name : EventExport.header()) {
      columns.add(
          FeatureColumn.createColumn(name, TYPES.getOrDefault(name, GeoPackageDataType.TEXT)));
    }
    gp.createFeatureTable(FeatureTableMetadata.create(geometry, "fid", columns));
    FeatureDao dao = gp.getFeatureDao(TABLE);
    double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    long[] written = {0};
    gp.beginTransaction();
    boolean ok = false;
    try {
      store.forEachPage(
          q,
          EventExport.PAGE,
          page -> {
            for (Event e : page) {
              if (++written[0] > maxRows) {
                // more came in since the count
                throw tooLarge(maxRows);
              }
              dao.insert(row(dao, e));
              box[0] = Math.min(box[0], e.lon());
              box[1] = Math.min(box[1], e.lat());
              box[2] = Math.max(box[2], e.lon());
              box[3] = Math.max(box[3], e.lat());
              if (written[0] % COMMIT_EVERY == 0) {
                gp.endAndBeginTransaction();
              }
            }
          });
      ok = true;
    } finally {
      gp.endTransaction(ok);
    }
    // after the rows' transaction: the contents DAO writes through a connection of its own
    Contents contents = gp.getContentsDao().queryForId(TABLE);
    contents.setDescription("conflictmap events");
    if (written[0] > 0) {
      contents.setMinX(box[0]);
      contents.setMinY(box[1]);
      contents.setMaxX(box[2]);
      contents.setMaxY(box[3]);
    }
    gp.getContentsDao().update(contents);
    return written[0];
  }

  private static void zones(GeoPackage gp, List<Zone> zones) throws java.sql.SQLException {
    SpatialReferenceSystem srs = gp.getSpatialReferenceSystemDao().getOrCreateCode("EPSG", 4326);
    GeometryColumns geometry = new GeometryColumns();
    geometry.setId(new TableColumnKey(ZONES_TABLE, "geom"));
    geometry.setGeometryType(GeometryType.MULTIPOLYGON);
    geometry.setZ((byte) 0);
    geometry.setM((byte) 0);
    geometry.setSrsId(srs.getSrsId());
    List<FeatureColumn> columns =
        List.of(
            FeatureColumn.createColumn("zone_id", GeoPackageDataType.INTEGER),
            FeatureColumn.createColumn("name", GeoPackageDataType.TEXT),
            FeatureColumn.createColumn("kind", GeoPackageDataType.TEXT),
            FeatureColumn.createColumn("description", GeoPackageDataType.TEXT),
            FeatureColumn.createColumn("valid_from", GeoPackageDataType.DATE),
            FeatureColumn.createColumn("valid_to", GeoPackageDataType.DATE));
    gp.createFeatureTable(FeatureTableMetadata.create(geometry, "fid", columns));
    FeatureDao dao = gp.getFeatureDao(ZONES_TABLE);
    org.locationtech.jts.geom.Envelope box = new org.locationtech.jts.geom.Envelope();
    org.locationtech.jts.io.WKBWriter wkb = new org.locationtech.jts.io.WKBWriter(2);
    gp.beginTransaction();
    boolean ok = false;
    try {
      for (Zone z : zones) {
        org.locationtech.jts.geom.Geometry g = z.geometry();
        if (g instanceof org.locationtech.jts.geom.Polygon p) {
          g = p.getFactory().createMultiPolygon(new org.locationtech.jts.geom.Polygon[] {p});
        }
        FeatureRow row = dao.newRow();
        try {
          row.setGeometry(
              GeoPackageGeometryData.create(
                  SRS_ID, mil.nga.sf.wkb.GeometryReader.readGeometry(wkb.write(g))));
        } catch (IOException e) {
          throw new java.sql.SQLException("zone " + z.id() + " has no WKB", e);
        }
        row.setValue("zone_id", z.id());
        row.setValue("name", z.name());
        row.setValue("kind", z.kind() == null ? null : z.kind().wire());
        row.setValue("description", z.description());
        row.setValue("valid_from", z.validFrom() == null ? null : z.validFrom().toString());
        row.setValue("valid_to", z.validTo() == null ? null : z.validTo().toString());
        dao.insert(row);
        box.expandToInclude(g.getEnvelopeInternal());
      }
      ok = true;
    } finally {
      gp.endTransaction(ok);
    }
    Contents contents = gp.getContentsDao().queryForId(ZONES_TABLE);
    contents.setDescription("conflictmap zones");
    if (!box.isNull()) {
      contents.setMinX(box.getMinX());
      contents.setMinY(box.getMinY());
      contents.setMaxX(box.getMaxX());
      contents.setMaxY(box.getMaxY());
    }
    gp.getContentsDao().update(contents);
  }

  /** The extent of the rows written, as gpkg_contents holds it (for tests and logs). */
  static BoundingBox extent(GeoPackage gp) throws java.sql.SQLException {
    return gp.getContentsDao().queryForId(TABLE).getBoundingBox();
  }

  private static FeatureRow row(FeatureDao dao, Event e) {
    FeatureRow row = dao.newRow();
    row.setGeometry(GeoPackageGeometryData.create(SRS_ID, new Point(e.lon(), e.lat())));
    List<String> header = EventExport.header();
    List<String> values = EventExport.csv(e);
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      String v = values.get(i);
      if (v.isEmpty()) {
        continue;
      }
      GeoPackageDataType type = TYPES.getOrDefault(name, GeoPackageDataType.TEXT);
      row.setValue(
          name,
          switch (type) {
            case INTEGER -> Long.parseLong(v);
            case DOUBLE -> Double.parseDouble(v);
            case BOOLEAN -> Boolean.parseBoolean(v);
            default -> v;
          });
    }
    return row;
  }

  private static InputException tooLarge(long maxRows) {
    return new InputException(
        InputException.Kind.TOO_LARGE,
        "Export too large",
        "a GeoPackage export holds at most "
            + maxRows
            + " events; narrow the filters (bbox, datetime, type, country) or export csv or geojson,"
            + " which have no limit");
  }

  /**
   * A fresh path for a GeoPackage in a new temporary directory (the library refuses an existing
   * file).
   */
  public static Path tempFile() throws IOException {
    return Files.createTempDirectory("conflictmap-gpkg").resolve("conflictmap-events.gpkg");
  }

  /** The same, in a new directory inside {@code dir}, so a finished file is renamed, not copied. */
  public static Path tempFile(Path dir) throws IOException {
    return Files.createTempDirectory(dir, ".conflictmap-gpkg").resolve("conflictmap-events.gpkg");
  }

  /** Deletes a file made by {@link #tempFile()} with its directory and any SQLite side files. */
  public static void deleteTemp(Path file) {
    Path dir = file.getParent();
    try (var files = Files.list(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(p);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // best effort: the temp directory is the OS's to clean
    }
  }
}
