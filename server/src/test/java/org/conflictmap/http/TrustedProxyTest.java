package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.conflictmap.App;
import org.conflictmap.config.AddressRanges;
import org.conflictmap.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: behind a reverse proxy the write limit counts the client the proxy names in {@code
 * X-Forwarded-For}; from a peer that is not a listed proxy that header changes nothing.
 */
class TrustedProxyTest {
  @TempDir static Path behindProxy;
  @TempDir static Path direct;
  static App proxied;
  static App exposed;

  @BeforeAll
  static void start() {
    proxied =
        App.start(
            Config.defaults()
                .withPort(0)
                .withDataDir(behindProxy)
                .withSample(false)
                .withWriteRatePerMinute(3)
                .withTrustedProxies("127.0.0.1, ::1"));
    exposed =
        App.start(
            Config.defaults()
                .withPort(0)
                .withDataDir(direct)
                .withSample(false)
                .withWriteRatePerMinute(3));
  }

  @AfterAll
  static void stop() {
    proxied.close();
    exposed.close();
  }

  private static int write(Http http, String forwardedFor, int n) {
    return http.request(
            "POST",
            "/api/articles",
            forwardedFor == null ? Map.of() : Map.of("X-Forwarded-For", forwardedFor),
            "text/plain",
            "On 4 March 2020 shelling hit Saraqib, killing " + (n + 2) + " people (" + n + ").")
        .status();
  }

  @Test
  void behindATrustedProxyEachForwardedClientHasItsOwnLimit() {
    Http http = new Http(proxied);
    for (int i = 0; i < 3; i++) {
      assertThat(write(http, "203.0.113.5", i)).isBetween(200, 201);
    }
    assertThat(write(http, "203.0.113.5", 3)).as("the fourth write of one client").isEqualTo(429);
    assertThat(write(http, "198.51.100.7, 203.0.113.5", 4))
        .as("a client cannot prepend an address of its choice: the proxy's entry counts")
        .isEqualTo(429);
    assertThat(write(http, "203.0.113.6", 5))
        .as("another client behind the proxy")
        .isBetween(200, 201);
  }

  @Test
  void withoutATrustedProxyTheHeaderIsIgnored() {
    Http http = new Http(exposed);
    int accepted = 0;
    int refused = 0;
    for (int i = 0; i < 6; i++) {
      int status = write(http, "192.0.2." + (10 + i), 100 + i);
      if (status == 429) {
        refused++;
      } else {
        assertThat(status).isBetween(200, 201);
        accepted++;
      }
    }
    assertThat(accepted).as("a new X-Forwarded-For each time buys no extra writes").isEqualTo(3);
    assertThat(refused).isEqualTo(3);
  }

  @Test
  void theClientIsTheRightmostAddressThatIsNotAProxy() {
    AddressRanges proxies = AddressRanges.parse("10.0.0.0/8,192.168.1.1");
    assertThat(WriteRateLimit.client("203.0.113.9", List.of("1.2.3.4"), proxies))
        .as("an untrusted peer")
        .isEqualTo("203.0.113.9");
    assertThat(WriteRateLimit.client("10.1.2.3", List.of(), proxies)).isEqualTo("10.1.2.3");
    assertThat(WriteRateLimit.client("10.1.2.3", List.of("1.2.3.4, 198.51.100.2"), proxies))
        .isEqualTo("198.51.100.2");
    assertThat(
            WriteRateLimit.client(
                "10.1.2.3", List.of("1.2.3.4", "198.51.100.2, 192.168.1.1"), proxies))
        .as("proxies in a chain are skipped, over several headers")
        .isEqualTo("198.51.100.2");
    assertThat(WriteRateLimit.client("10.1.2.3", List.of("1.2.3.4, not-an-ip"), proxies))
        .as("garbage stops the walk at the last proxy")
        .isEqualTo("10.1.2.3");
    assertThat(WriteRateLimit.client("10.1.2.3", List.of("10.9.9.9"), proxies))
        .as("only proxies: the outermost one")
        .isEqualTo("10.9.9.9");
  }

  @Test
  void rangesParseLiteralsOnly() {
    AddressRanges r = AddressRanges.parse("10.0.0.0/8, 127.0.0.1, fd00::/8");
    assertThat(r.contains("10.255.0.1")).isTrue();
    assertThat(r.contains("11.0.0.1")).isFalse();
    assertThat(r.contains("127.0.0.1")).isTrue();
    assertThat(r.contains("127.0.0.2")).isFalse();
    assertThat(r.contains("fd12:3456::1")).isTrue();
    assertThat(r.contains("[fd12:3456::1]")).isTrue();
    assertThat(r.contains("fe80::1")).isFalse();
    assertThat(r.contains("::ffff:10.0.0.1")).as("IPv4-mapped IPv6").isTrue();
    assertThat(r.contains("localhost")).as("names are never looked up").isFalse();
    assertThat(AddressRanges.parse(" ").isEmpty()).isTrue();
    for (String bad : new String[] {"proxy.example", "10.0.0.0/33", "300.1.1.1", "10.0.0.0/x"}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> AddressRanges.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
