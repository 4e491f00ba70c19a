package org.conflictmap.problem;

import java.util.Map;

/**
 * Input that a client sent and must fix. Domain code throws it; the HTTP layer turns it into {@code
 * application/problem+json} with {@link Kind#status()}; the CLI prints title and detail.
 */
public class InputException extends RuntimeException {

  /** Why the input was refused, mapped to an HTTP status. */
  public enum Kind {
    /** Not parseable at all: bad JSON, wrong types, unknown fields. */
    MALFORMED(400),
    /** Parseable but not acceptable: invalid polygon, date order, out-of-range values. */
    UNPROCESSABLE(422),
    /** Nothing with that id. */
    NOT_FOUND(404),
    /** Larger than we accept. */
    TOO_LARGE(413),
    /** A media type we do not read. */
    UNSUPPORTED_MEDIA_TYPE(415),
    /** An edit without the editor token this server requires. */
    UNAUTHORIZED(401),
    /** A token whose role does not allow this (an editor asking for the audit log). */
    FORBIDDEN(403);

    private final int status;

    Kind(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Kind kind;
  private final String title;
  private final Map<String, Object> extensions;

  public InputException(Kind kind, String title, String detail) {
    this(kind, title, detail, Map.of());
  }

  /**
   * @param extensions extra members of the problem document, e.g. {@code {"location": [36.6,
   *     35.9]}}
   */
  public InputException(Kind kind, String title, String detail, Map<String, Object> extensions) {
    super(detail);
    this.kind = kind;
    this.title = title;
    this.extensions = Map.copyOf(extensions);
  }

  public Kind kind() {
    return kind;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }

  public Map<String, Object> extensions() {
    return extensions;
  }
}
