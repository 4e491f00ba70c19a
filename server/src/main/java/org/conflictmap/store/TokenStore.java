package org.conflictmap.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Bearer tokens for writers. A token is 256 random bits; only its SHA-256 is stored. A salted slow
 * hash (bcrypt) defends guessable passwords against an offline attacker; a 256-bit random token
 * cannot be guessed, so a fast hash is as safe and lets every request be checked by one indexed
 * lookup instead of a 100 ms bcrypt per write.
 */
public final class TokenStore {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Who may do what: admin ⊃ editor ⊃ viewer (anyone). */
  public enum Role {
    VIEWER,
    EDITOR,
    ADMIN;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }

    public boolean atLeast(Role other) {
      return compareTo(other) >= 0;
    }
  }

  /** A stored token, without its secret. */
  public record Token(long id, String name, Role role, Instant createdAt, Instant revokedAt) {}

  /** A newly created token with its secret, shown once. */
  public record Created(Token token, String secret) {}

  private final Database db;

  public TokenStore(Database db) {
    this.db = db;
  }

  /** Creates a token; the secret is returned here and never again. */
  public Created create(String name, Role role) {
    if (role == Role.VIEWER) {
      throw new IllegalArgumentException("viewers need no token; give --role editor or admin");
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = Instant.now();
    long id =
        db.inTransaction(
            c -> {
              try (PreparedStatement s =
                  c.prepareStatement(
                      "INSERT INTO api_tokens (name, role, token_sha256, created_at) VALUES (?, ?, ?,"
                          + " ?)",
                      new String[] {"id"})) {
                s.setString(1, name);
                s.setString(2, role.code());
                s.setString(3, sha256(secret));
                s.setTimestamp(4, Timestamp.from(now));
                s.executeUpdate();
                try (ResultSet k = s.getGeneratedKeys()) {
                  k.next();
                  return k.getLong(1);
                }
              }
            });
    return new Created(new Token(id, name, role, now, null), secret);
  }

  /** The live token whose secret this is; compared by its hash, case-exactly. */
  public Optional<Token> find(String secret) {
    String hash = sha256(secret);
    return db.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT id, name, role, created_at, revoked_at, token_sha256 FROM api_tokens"
                      + " WHERE token_sha256 = ? AND revoked_at IS NULL")) {
            s.setString(1, hash);
            try (ResultSet r = s.executeQuery()) {
              if (!r.next()) {
                return Optional.empty();
              }
              // the index lookup found it; confirm in constant time all the same
              if (!MessageDigest.isEqual(
                  r.getString(6).getBytes(StandardCharsets.US_ASCII),
                  hash.getBytes(StandardCharsets.US_ASCII))) {
                return Optional.empty();
              }
              return Optional.of(token(r));
            }
          }
        });
  }

  /** Every token, revoked ones included, oldest first. */
  public List<Token> list() {
    return db.inTransaction(
        c -> {
          try (PreparedStatement s =
                  c.prepareStatement(
                      "SELECT id, name, role, created_at, revoked_at FROM api_tokens ORDER BY id");
              ResultSet r = s.executeQuery()) {
            List<Token> out = new ArrayList<>();
            while (r.next()) {
              out.add(token(r));
            }
            return out;
          }
        });
  }

  /** Revokes the token with this name, or this id when the argument is a number; false if none. */
  public boolean revoke(String nameOrId) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE api_tokens SET revoked_at = ? WHERE revoked_at IS NULL AND (name = ? OR"
                      + " CAST(id AS VARCHAR(20)) = ?)")) {
            s.setTimestamp(1, Timestamp.from(Instant.now()));
            s.setString(2, nameOrId);
            s.setString(3, nameOrId);
            return s.executeUpdate() > 0;
          }
        });
  }

  public int count() {
    return list().size();
  }

  private static Token token(ResultSet r) throws java.sql.SQLException {
    Timestamp revoked = r.getTimestamp(5);
    return new Token(
        r.getLong(1),
        r.getString(2),
        Role.of(r.getString(3)),
        r.getTimestamp(4).toInstant(),
        revoked == null ? null : revoked.toInstant());
  }

  public static String sha256(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
