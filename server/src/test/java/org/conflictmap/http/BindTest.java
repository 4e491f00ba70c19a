package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: the server listens on loopback alone unless told otherwise ({@code --bind}). */
class BindTest {
  @TempDir Path data;

  @Test
  void byDefaultOnlyThisMachineCanConnect() throws IOException {
    Optional<InetAddress> lan = nonLoopbackAddress();
    assumeTrue(lan.isPresent(), "this machine has no non-loopback IPv4 address to try");
    assertThat(Config.defaults().bind()).isEqualTo("127.0.0.1");
    assertThat(Config.load(Optional.empty(), Map.of()).bind()).isEqualTo("127.0.0.1");
    try (App app = App.start(Config.defaults().withPort(0).withDataDir(data))) {
      assertThat(new Http(app.port()).get("/api/events").status()).isEqualTo(200);
      assertThat(connects(lan.get(), app.port()))
          .as("connect to %s:%d", lan.get().getHostAddress(), app.port())
          .isFalse();
    }
  }

  @Test
  void bindEveryAddressIsAChoice() throws IOException {
    Optional<InetAddress> lan = nonLoopbackAddress();
    assumeTrue(lan.isPresent(), "this machine has no non-loopback IPv4 address to try");
    Config config =
        Config.load(Optional.empty(), Map.of("CONFLICTMAP_BIND", "0.0.0.0"))
            .withPort(0)
            .withDataDir(data);
    try (App app = App.start(config)) {
      assertThat(connects(lan.get(), app.port())).isTrue();
      assertThat(new Http(app.port()).get("/api/events").status()).isEqualTo(200);
    }
  }

  @Test
  void aBindThatIsNotAnAddressIsRefused() {
    assertThatThrownBy(() -> Config.defaults().withBind("127.0.0.1 evil"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bind");
  }

  private static boolean connects(InetAddress address, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(address, port), 2000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
    for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!ni.isUp() || ni.isLoopback()) {
        continue;
      }
      for (InetAddress a : Collections.list(ni.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
          return Optional.of(a);
        }
      }
    }
    return Optional.empty();
  }
}
