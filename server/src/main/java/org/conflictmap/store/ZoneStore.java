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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.conflictmap.zones.Zone;
import org.conflictmap.zones.ZoneDraft;
import org.conflictmap.zones.ZoneKind;

/** Stores zones. Drafts are trusted to be validated already (see {@code ZoneJson}). */
public final class ZoneStore {
  private static final String SELECT =
      "SELECT id, name, kind, description, style, valid_from, valid_to,"
          + " ST_AsBinary(geom) AS wkb, created_at, updated_at FROM zones";
  private static final TypeReference<LinkedHashMap<String, Object>> STYLE_TYPE =
      new TypeReference<>() {};
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Database db;

  public ZoneStore(Database db) {
    this.db = Objects.requireNonNull(db);
  }

  /** All zones, by id. */
  public List<Zone> list() {
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY id");
              ResultSet rs = ps.executeQuery()) {
            List<Zone> out = new ArrayList<>();
            while (rs.next()) {
              out.add(map(rs));
            }
            return out;
          }
        });
  }

  /** The zone with this id. */
  public Optional<Zone> get(long id) {
    return db.inTransaction(c -> get(c, id));
  }

  /** Stores a new zone and returns it as stored. */
  public Zone create(ZoneDraft d) {
    String sql =
        "INSERT INTO zones (name, kind, description, style, valid_from, valid_to, geom, created_at,"
            + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ST_GeomFromWKB(?, 4326), ?, ?)";
    return db.inTransaction(
        c -> {
          Instant now = SqlValues.now();
          try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
            int i = bindDraft(ps, d);
            SqlValues.setInstant(ps, i, now);
            SqlValues.setInstant(ps, i + 1, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
              keys.next();
              // read back rather than echo the draft, so callers see exactly what later reads will
              // return
              return get(c, keys.getLong(1)).orElseThrow();
            }
          }
        });
  }

  /**
   * Replaces every field of the zone except its id and creation time; empty if there is no such
   * zone.
   */
  public Optional<Zone> update(long id, ZoneDraft d) {
    String sql =
        "UPDATE zones SET name = ?, kind = ?, description = ?, style = ?, valid_from = ?, valid_to = ?,"
            + " geom = ST_GeomFromWKB(?, 4326), updated_at = ? WHERE id = ?";
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bindDraft(ps, d);
            SqlValues.setInstant(ps, i, SqlValues.now());
            ps.setLong(i + 1, id);
            return ps.executeUpdate() == 0 ? Optional.empty() : get(c, id);
          }
        });
  }

  /** Deletes the zone; false if there was none. */
  public boolean delete(long id) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM zones WHERE id = ?")) {
            ps.setLong(1, id);
            return ps.executeUpdate() > 0;
          }
        });
  }

  /** How many zones are stored. */
  public long count() {
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM zones");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  private static Optional<Zone> get(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(map(rs)) : Optional.empty();
      }
    }
  }

  /**
   * Binds the draft's seven columns from parameter 1 and returns the index of the next parameter.
   */
  private static int bindDraft(PreparedStatement ps, ZoneDraft d) throws SQLException {
    ps.setString(1, d.name());
    ps.setString(2, (d.kind() == null ? ZoneKind.OTHER : d.kind()).wire());
    ps.setString(3, d.description());
    ps.setString(4, styleJson(d.style()));
    SqlValues.setDate(ps, 5, d.validFrom());
    SqlValues.setDate(ps, 6, d.validTo());
    ps.setBytes(7, SqlValues.wkb(d.geometry()));
    return 8;
  }

  private static Zone map(ResultSet rs) throws SQLException {
    String kind = rs.getString("kind");
    return new Zone(
        rs.getLong("id"),
        rs.getString("name"),
        // a kind written by a newer version reads as OTHER rather than failing the whole list
        ZoneKind.fromWire(kind).orElse(ZoneKind.OTHER),
        rs.getString("description"),
        style(rs.getString("style")),
        SqlValues.getDate(rs, "valid_from"),
        SqlValues.getDate(rs, "valid_to"),
        SqlValues.geometry(rs.getBytes("wkb")),
        SqlValues.getInstant(rs, "created_at"),
        SqlValues.getInstant(rs, "updated_at"));
  }

  private static String styleJson(Map<String, Object> style) {
    try {
      return JSON.writeValueAsString(style == null ? Map.of() : style);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Zone style cannot be written as JSON: " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> style(String json) throws SQLException {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    try {
      return Collections.unmodifiableMap(JSON.readValue(json, STYLE_TYPE));
    } catch (JsonProcessingException e) {
      throw new SQLException(
          "Stored zone style is not a JSON object: " + e.getOriginalMessage(), e);
    }
  }
}
