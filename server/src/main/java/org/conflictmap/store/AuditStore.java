package org.conflictmap.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The audit log: one entry per write, who made it, when, what, and the entity before and after. */
public final class AuditStore {
  /** One audited write. before/after are JSON text, or null when the write has no such entity. */
  public record Entry(
      long id,
      Instant at,
      String who,
      String method,
      String path,
      int status,
      String entity,
      String entityId,
      String before,
      String after) {}

  private final Database db;

  public AuditStore(Database db) {
    this.db = db;
  }

  public void record(
      String who,
      String method,
      String path,
      int status,
      String entity,
      String entityId,
      String before,
      String after) {
    db.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO audit_log (at, who, method, path, status, entity, entity_id,"
                      + " before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setTimestamp(1, Timestamp.from(Instant.now()));
            s.setString(2, who);
            s.setString(3, method);
            s.setString(4, path.length() > 2048 ? path.substring(0, 2048) : path);
            s.setInt(5, status);
            s.setString(6, entity);
            s.setString(7, entityId);
            s.setString(8, before);
            s.setString(9, after);
            return s.executeUpdate();
          }
        });
  }

  /** The newest entries first, at most {@code limit}, with ids below {@code before} when given. */
  public List<Entry> page(int limit, Long before) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT id, at, who, method, path, status, entity, entity_id, before_json,"
                      + " after_json FROM audit_log WHERE id < ? ORDER BY id DESC FETCH FIRST ? ROWS"
                      + " ONLY")) {
            s.setLong(1, before == null ? Long.MAX_VALUE : before);
            s.setInt(2, limit);
            try (ResultSet r = s.executeQuery()) {
              List<Entry> out = new ArrayList<>();
              while (r.next()) {
                out.add(
                    new Entry(
                        r.getLong(1),
                        r.getTimestamp(2).toInstant(),
                        r.getString(3),
                        r.getString(4),
                        r.getString(5),
                        r.getInt(6),
                        r.getString(7),
                        r.getString(8),
                        r.getString(9),
                        r.getString(10)));
              }
              return out;
            }
          }
        });
  }
}
