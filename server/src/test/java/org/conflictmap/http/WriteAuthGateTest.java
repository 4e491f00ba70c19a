package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write without a token is refused before the server waits for (or buffers) its body. */
class WriteAuthGateTest {
  @TempDir Path data;

  @Test
  void aWriteWithoutATokenIsRefusedBeforeItsBodyArrives() throws Exception {
    try (App app = App.start(Config.defaults().withPort(0).withDataDir(data).withSample(false));
        Socket s = new Socket(InetAddress.getLoopbackAddress(), app.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      // announces 1 MB, sends 10 bytes and stalls: the answer may not wait for the rest
      out.write(
          ("POST /api/articles HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                  + "Content-Length: 1000000\r\n\r\n{\"title\":")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String head = readHead(s.getInputStream());
      assertThat(head).startsWith("HTTP/1.1 401");
      assertThat(head.toLowerCase()).contains("content-type: application/problem+json");
      assertThat(head.toLowerCase()).contains("connection: close");
      assertThat(head).contains("WWW-Authenticate: Bearer");
    }
  }

  @Test
  void aWriteWithATokenStillReachesItsRoute() throws Exception {
    try (App app = App.start(Config.defaults().withPort(0).withDataDir(data).withSample(false))) {
      Http.Response r =
          new Http(app).post("/api/zones", "application/geo+json", "{\"type\":\"x\"}");
      assertThat(r.status()).as(r.body()).isEqualTo(400);
    }
  }

  private static String readHead(InputStream in) throws Exception {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      b.append((char) c);
      if (b.toString().endsWith("\r\n\r\n")) {
        break;
      }
    }
    return b.toString();
  }
}
