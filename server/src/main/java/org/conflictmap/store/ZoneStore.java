package org.conflictmap.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.conflictmap.zones.CountryOutlines;
import org.conflictmap.zones.Zone;
import org.conflictmap.zones.ZoneChanges;
import org.conflictmap.zones.ZoneDraft;
import org.conflictmap.zones.ZoneKind;

/**
 * Stores zones. Drafts are trusted to be validated already (see {@code ZoneJson}). Every write also
 * records a version (see {@link ZoneVersionStore}) in the same transaction.
 */
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
          try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY id")) {
            return read(ps);
          }
        });
  }

  /** The zones in force on a day: valid from it or earlier, and to it or later (or still). */
  public List<Zone> listAt(LocalDate day) {
    String sql =
        SELECT + " WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?) ORDER BY id";
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            SqlValues.setDate(ps, 1, day);
            SqlValues.setDate(ps, 2, day);
            return read(ps);
          }
        });
  }

  private static List<Zone> read(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      List<Zone> out = new ArrayList<>();
      while (rs.next()) {
        out.add(map(rs));
      }
      return out;
    }
  }

  /** The zone with this id. */
  public Optional<Zone> get(long id) {
    return db.inTransaction(c -> get(c, id));
  }

  /** Stores a new zone, records it as version 1 by {@code editor}, and returns it as stored. */
  public Zone create(ZoneDraft d, String editor) {
    return db.inTransaction(c -> insert(c, d, editor, "created"));
  }

  /**
   * Stores every draft, or none if any fails: the zones, in order, as stored. Each is recorded as
   * version 1 with action "imported".
   */
  public List<Zone> importAll(List<ZoneDraft> drafts, String editor) {
    return db.inTransaction(
        c -> {
          List<Zone> out = new ArrayList<>();
          for (ZoneDraft d : drafts) {
            out.add(insert(c, d, editor, "imported"));
          }
          return out;
        });
  }

  private static Zone insert(Connection c, ZoneDraft d, String editor, String action)
      throws SQLException {
    String sql =
        "INSERT INTO zones (name, kind, description, style, valid_from, valid_to, geom,"
            + " whole_countries, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ST_GeomFromWKB(?, 4326), ?, ?, ?)";
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
        Zone z = get(c, keys.getLong(1)).orElseThrow();
        ZoneVersionStore.record(c, z, action, editor, ZoneChanges.ALL, now);
        return z;
      }
    }
  }

  /**
   * Replaces every field of the zone except its id and creation time; empty if there is no such
   * zone.
   */
  public Optional<Zone> update(long id, ZoneDraft d, String editor) {
    String sql =
        "UPDATE zones SET name = ?, kind = ?, description = ?, style = ?, valid_from = ?, valid_to = ?,"
            + " geom = ST_GeomFromWKB(?, 4326), whole_countries = ?, updated_at = ? WHERE id = ?";
    return db.inTransaction(
        c -> {
          // FOR UPDATE: two editors saving at once get consecutive versions, not the same number
          Optional<Zone> before = get(c, id, " FOR UPDATE");
          if (before.isEmpty()) {
            return Optional.empty();
          }
          Instant now = SqlValues.now();
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = bindDraft(ps, d);
            SqlValues.setInstant(ps, i, now);
            ps.setLong(i + 1, id);
            ps.executeUpdate();
          }
          Zone after = get(c, id).orElseThrow();
          ZoneVersionStore.record(
              c, after, "updated", editor, ZoneChanges.between(before.get(), d), now);
          return Optional.of(after);
        });
  }

  /** Deletes the zone, keeping its history with a last "deleted" version; false if none. */
  public boolean delete(long id, String editor) {
    return db.inTransaction(
        c -> {
          Optional<Zone> before = get(c, id, " FOR UPDATE");
          if (before.isEmpty()) {
            return false;
          }
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM zones WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
          }
          ZoneVersionStore.record(c, before.get(), "deleted", editor, List.of(), SqlValues.now());
          return true;
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
    return get(c, id, "");
  }

  private static Optional<Zone> get(Connection c, long id, String lock) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE id = ?" + lock)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(map(rs)) : Optional.empty();
      }
    }
  }

  /**
   * Binds the draft's seven columns and the countries its geometry holds entirely, from parameter
   * 1, and returns the index of the next parameter.
   */
  private static int bindDraft(PreparedStatement ps, ZoneDraft d) throws SQLException {
    ps.setString(1, d.name());
    ps.setString(2, (d.kind() == null ? ZoneKind.OTHER : d.kind()).wire());
    ps.setString(3, d.description());
    ps.setString(4, styleJson(d.style()));
    SqlValues.setDate(ps, 5, d.validFrom());
    SqlValues.setDate(ps, 6, d.validTo());
    ps.setBytes(7, SqlValues.wkb(d.geometry()));
    ps.setString(
        8, "," + String.join(",", CountryOutlines.bundled().coveredBy(d.geometry())) + ",");
    return 9;
  }

  static Zone map(ResultSet rs) throws SQLException {
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

  static String styleJson(Map<String, Object> style) {
    try {
      return JSON.writeValueAsString(style == null ? Map.of() : style);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "Zone style cannot be written as JSON: " + e.getMessage(), e);
    }
  }

  static Map<String, Object> style(String json) throws SQLException {
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
