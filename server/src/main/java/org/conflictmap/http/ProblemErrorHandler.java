package org.conflictmap.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors (a bad request line, {@code %00} in a path, an over-long URI or header block,
 * a broken chunked body) as problem+json, like every error the routes give: Jetty's default answers
 * HTML and names its version. These requests never reach Javalin.
 */
final class ProblemErrorHandler extends ErrorHandler {

  ProblemErrorHandler() {
    setShowStacks(false);
    setShowMessageInTitle(false);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    Object attr = request.getAttribute(ERROR_STATUS);
    if (attr instanceof Integer s) {
      status = s;
    }
    if (status < 400 || status > 599) {
      status = 500;
    }
    String title = titleFor(status);
    String detail = detailFor(status);
    String path = request.getHttpURI() == null ? "" : request.getHttpURI().getPath();
    String body =
        "{\"type\":\"about:blank\",\"title\":"
            + quote(title)
            + ",\"status\":"
            + status
            + ",\"detail\":"
            + quote(detail)
            + ",\"instance\":"
            + quote(path == null ? "" : path)
            + "}";
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put("Cache-Control", "no-store");
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }

  static String titleFor(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 408 -> "Request timeout";
      case 413 -> "Body too large";
      case 414 -> "URI too long";
      case 431 -> "Headers too large";
      case 501 -> "Not implemented";
      default -> {
        String reason = HttpStatus.getMessage(status);
        yield reason == null ? "Request refused" : reason;
      }
    };
  }

  private static String detailFor(int status) {
    return switch (status) {
      case 400 -> "the request is not well-formed HTTP (its request line, path or body framing)";
      case 408 -> "the request was not received in time";
      case 413 -> "the request body is larger than this server accepts";
      case 414 -> "the address is longer than this server accepts";
      case 431 -> "the request headers are larger than this server accepts";
      case 501 -> "this server does not implement that method";
      default -> status >= 500 ? "the server could not complete the request" : "refused";
    };
  }

  /** A JSON string literal; the path is the only client text and is escaped. */
  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c > 0x7e) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
