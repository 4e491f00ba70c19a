package org.conflictmap.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.conflictmap.zones.Zone;
import org.conflictmap.zones.ZoneKind;
import org.conflictmap.zones.ZoneVersion;

/**
 * The history of every zone, deleted ones included: one row per change, written by {@link
 * ZoneStore} in the transaction that makes the change, so a change and its record stand or fall
 * together.
 */
public final class ZoneVersionStore {
  private static final String SELECT =
      "SELECT zone_id, version, action, editor, changed_at, changes, name, kind, description,"
          + " style, valid_from, valid_to, ST_AsBinary(geom) AS wkb FROM zone_versions";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<String>> LIST = new TypeReference<>() {};

  private final Database db;

  public ZoneVersionStore(Database db) {
    this.db = Objects.requireNonNull(db);
  }

  /** Every version of the zone, oldest first; empty if no zone ever had this id. */
  public List<ZoneVersion> history(long zoneId) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(SELECT + " WHERE zone_id = ? ORDER BY version")) {
            ps.setLong(1, zoneId);
            try (ResultSet rs = ps.executeQuery()) {
              List<ZoneVersion> out = new ArrayList<>();
              while (rs.next()) {
                out.add(map(rs));
              }
              return out;
            }
          }
        });
  }

  /** One version of a zone. */
  public Optional<ZoneVersion> version(long zoneId, int version) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(SELECT + " WHERE zone_id = ? AND version = ?")) {
            ps.setLong(1, zoneId);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
          }
        });
  }

  /** Appends the next version of {@code z}; runs inside the caller's transaction. */
  static void record(
      Connection c, Zone z, String action, String editor, List<String> changes, Instant at)
      throws SQLException {
    int next;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COALESCE(MAX(version), 0) FROM zone_versions WHERE zone_id = ?")) {
      ps.setLong(1, z.id());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        next = rs.getInt(1) + 1;
      }
    }
    String sql =
        "INSERT INTO zone_versions (zone_id, version, action, editor, changed_at, changes, name,"
            + " kind, description, style, valid_from, valid_to, geom)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ST_GeomFromWKB(?, 4326))";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, z.id());
      ps.setInt(2, next);
      ps.setString(3, action);
      ps.setString(4, editor);
      SqlValues.setInstant(ps, 5, at);
      ps.setString(6, json(changes));
      ps.setString(7, z.name());
      ps.setString(8, z.kind().wire());
      ps.setString(9, z.description());
      ps.setString(10, ZoneStore.styleJson(z.style()));
      SqlValues.setDate(ps, 11, z.validFrom());
      SqlValues.setDate(ps, 12, z.validTo());
      ps.setBytes(13, SqlValues.wkb(z.geometry()));
      ps.executeUpdate();
    }
  }

  private static ZoneVersion map(ResultSet rs) throws SQLException {
    Instant at = SqlValues.getInstant(rs, "changed_at");
    long id = rs.getLong("zone_id");
    Zone z =
        new Zone(
            id,
            rs.getString("name"),
            ZoneKind.fromWire(rs.getString("kind")).orElse(ZoneKind.OTHER),
            rs.getString("description"),
            ZoneStore.style(rs.getString("style")),
            SqlValues.getDate(rs, "valid_from"),
            SqlValues.getDate(rs, "valid_to"),
            SqlValues.geometry(rs.getBytes("wkb")),
            null,
            at);
    List<String> changes;
    try {
      changes = JSON.readValue(rs.getString("changes"), LIST);
    } catch (JsonProcessingException e) {
      throw new SQLException("Stored zone change list is not a JSON array", e);
    }
    return new ZoneVersion(
        id, rs.getInt("version"), rs.getString("action"), rs.getString("editor"), at, changes, z);
  }

  private static String json(List<String> changes) {
    try {
      return JSON.writeValueAsString(changes);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
