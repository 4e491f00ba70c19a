package org.conflictmap.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over one kept-alive socket, sending request targets exactly as given ({@code %00},
 * {@code %zz}, raw UTF-8), which no URI class builds. Reads Content-Length and chunked bodies;
 * reconnects when the server closes. Not thread-safe: one per thread.
 */
final class RawClient implements AutoCloseable {
  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  RawClient(int port) {
    this.port = port;
  }

  record Response(int status, String contentType, String body) {}

  /** Sends one request; an {@link IOException} when the server gave no answer, even on retry. */
  Response send(String method, String target, String token, String type, byte[] body)
      throws IOException {
    byte[] request = request(method, target, token, type, body);
    try {
      return exchange(request);
    } catch (IOException stale) {
      // a kept-alive connection the server has since closed: one retry on a fresh one
      close();
      return exchange(request);
    }
  }

  private byte[] request(String method, String target, String token, String type, byte[] body) {
    StringBuilder h = new StringBuilder();
    h.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    h.append("Host: 127.0.0.1:").append(port).append("\r\n");
    if (token != null) {
      h.append("Authorization: Bearer ").append(token).append("\r\n");
    }
    if (body != null) {
      h.append("Content-Type: ").append(type).append("\r\n");
      h.append("Content-Length: ").append(body.length).append("\r\n");
    }
    h.append("\r\n");
    byte[] head = h.toString().getBytes(StandardCharsets.UTF_8);
    if (body == null) {
      return head;
    }
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return all;
  }

  private Response exchange(byte[] request) throws IOException {
    if (socket == null) {
      socket = new Socket(InetAddress.getLoopbackAddress(), port);
      socket.setSoTimeout(60_000);
      socket.setTcpNoDelay(true);
      in = new BufferedInputStream(socket.getInputStream());
      out = socket.getOutputStream();
    }
    out.write(request);
    out.flush();
    String status = line();
    if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
      throw new IOException("not an HTTP response: " + status);
    }
    int code = Integer.parseInt(status.substring(9, 12));
    String type = "";
    long length = -1;
    boolean chunked = false;
    boolean closing = false;
    for (String l = line(); !l.isEmpty(); l = line()) {
      String lower = l.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-type:")) {
        type = l.substring(13).strip();
      } else if (lower.startsWith("content-length:")) {
        length = Long.parseLong(l.substring(15).strip());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      } else if (lower.startsWith("connection:") && lower.contains("close")) {
        closing = true;
      }
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (chunked) {
      for (long n = Long.parseLong(line().split(";")[0].strip(), 16);
          n > 0;
          n = Long.parseLong(line().split(";")[0].strip(), 16)) {
        body.write(in.readNBytes((int) n));
        line();
      }
      while (!line().isEmpty()) {
        // trailers
      }
    } else if (length >= 0) {
      body.write(in.readNBytes((int) length));
    } else {
      in.transferTo(body);
      closing = true;
    }
    if (closing) {
      close();
    }
    return new Response(code, type, body.toString(StandardCharsets.UTF_8));
  }

  private String line() throws IOException {
    StringBuilder b = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed");
      }
      if (c != '\r') {
        b.append((char) c);
      }
    }
    return b.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    socket = null;
  }
}
