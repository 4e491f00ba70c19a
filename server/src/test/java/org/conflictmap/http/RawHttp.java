package org.conflictmap.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, one request per connection, so a test can send a request target no
 * URI class would build ({@code %00}, {@code %zz}, raw non-ASCII, 20 kB long).
 */
final class RawHttp {
  private final int port;

  RawHttp(int port) {
    this.port = port;
  }

  /** A response: status, the Content-Type header (or "") and the body as UTF-8. */
  record Response(int status, String contentType, String body) {}

  /** {@code GET target} as given (bytes sent as UTF-8), with an optional bearer token. */
  Response get(String target, String token) {
    return send("GET", target, token, null, null);
  }

  Response send(String method, String target, String token, String contentType, byte[] body) {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(60_000);
      StringBuilder head = new StringBuilder();
      head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
      head.append("Host: 127.0.0.1:").append(port).append("\r\n");
      head.append("Connection: close\r\n");
      if (token != null) {
        head.append("Authorization: Bearer ").append(token).append("\r\n");
      }
      if (body != null) {
        head.append("Content-Type: ").append(contentType).append("\r\n");
        head.append("Content-Length: ").append(body.length).append("\r\n");
      }
      head.append("\r\n");
      OutputStream out = s.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.UTF_8));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      return parse(s.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + abbreviate(target), e);
    }
  }

  private static Response parse(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    String text = all.toString(StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/1.1 ") || end < 0) {
      throw new IOException("not an HTTP response: " + abbreviate(text));
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].substring(9, 12));
    String type = "";
    for (String l : lines) {
      if (l.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
        type = l.substring(13).strip();
      }
    }
    return new Response(status, type, text.substring(end + 4));
  }

  static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "…(" + s.length() + " chars)" : s;
  }
}
