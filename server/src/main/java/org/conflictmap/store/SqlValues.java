package org.conflictmap.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Conversions between Java values and JDBC parameters/columns that H2 and PostgreSQL drivers both
 * accept.
 */
final class SqlValues {
  static final int SRID = 4326;
  private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), SRID);

  private SqlValues() {}

  /**
   * Now, cut to microseconds: the finest both databases keep, so what we return equals what we read
   * back later.
   */
  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  static void setInstant(PreparedStatement ps, int i, Instant t) throws SQLException {
    ps.setObject(i, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
  }

  static Instant getInstant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  static void setDate(PreparedStatement ps, int i, LocalDate d) throws SQLException {
    if (d == null) {
      ps.setNull(i, Types.DATE);
    } else {
      ps.setObject(i, d);
    }
  }

  static LocalDate getDate(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, LocalDate.class);
  }

  static void setInteger(PreparedStatement ps, int i, Integer v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setInt(i, v);
    }
  }

  static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, v);
    }
  }

  static Integer getInteger(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  static Double getDouble(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.DOUBLE);
    } else {
      ps.setDouble(i, v);
    }
  }

  static Long getLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  /** Plain (ISO) WKB without SRID, for {@code ST_GeomFromWKB(?, 4326)}. */
  static byte[] wkb(Geometry g) {
    return new WKBWriter(2).write(g);
  }

  /** Reads {@code ST_AsBinary(geom)} into a geometry with SRID 4326. */
  static Geometry geometry(byte[] wkb) throws SQLException {
    try {
      return new WKBReader(WGS84).read(wkb);
    } catch (ParseException e) {
      throw new SQLException("Unreadable geometry from database: " + e.getMessage(), e);
    }
  }

  static Geometry point(double lon, double lat) {
    return WGS84.createPoint(new org.locationtech.jts.geom.Coordinate(lon, lat));
  }
}
