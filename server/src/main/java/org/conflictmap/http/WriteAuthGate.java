package org.conflictmap.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Refuses a write that carries no bearer token before its body is read: {@code 401} problem+json,
 * and the connection closed, so a client dribbling a body it may not send holds neither a buffer
 * nor a thread. A write with a token goes on; the routes check the token itself ({@link Editors}).
 * Not installed on an {@code --open} server.
 */
final class WriteAuthGate extends Handler.Wrapper {
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
  private static final byte[] BODY =
      ("{\"type\":\"about:blank\",\"title\":\"Editor token required\",\"status\":401,\"detail\":"
              + "\"every write needs an editor token (Authorization: Bearer TOKEN); create one with"
              + " `conflictmap tokens create NAME --role editor`\"}")
          .getBytes(StandardCharsets.UTF_8);

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (READS.contains(request.getMethod())) {
      return super.handle(request, response, callback);
    }
    String auth = request.getHeaders().get(HttpHeader.AUTHORIZATION);
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return super.handle(request, response, callback);
    }
    if (CrossSite.simpleCrossSiteWrite(
        name -> request.getHeaders().get(name),
        request.getHeaders().get(HttpHeader.CONTENT_TYPE))) {
      // the more telling refusal: no token would make a cross-site form write acceptable
      return refuse(response, callback, 403, FORBIDDEN);
    }
    return refuse(response, callback, 401, BODY);
  }

  private static final byte[] FORBIDDEN =
      ("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":"
              + "\"a write from another site must be JSON (or another API type) with a bearer"
              + " token\"}")
          .getBytes(StandardCharsets.UTF_8);

  private static boolean refuse(Response response, Callback callback, int status, byte[] body) {
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
    if (status == 401) {
      response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"conflictmap\"");
    }
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    // the body is not read: the connection cannot be reused after it
    response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }
}
