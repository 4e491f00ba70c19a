package org.conflictmap.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A set of IP addresses and CIDR ranges ({@code 10.0.0.0/8}, {@code 127.0.0.1}, {@code ::1}, {@code
 * fd00::/8}), written as literals only: a name is refused, so parsing never asks DNS.
 */
public final class AddressRanges {
  private static final AddressRanges NONE = new AddressRanges(List.of(), "");

  private final List<Range> ranges;
  private final String text;

  private AddressRanges(List<Range> ranges, String text) {
    this.ranges = List.copyOf(ranges);
    this.text = text;
  }

  public static AddressRanges none() {
    return NONE;
  }

  /**
   * Parses a comma-separated list; blank means none.
   *
   * @throws IllegalArgumentException naming the first entry that is not an address or range
   */
  public static AddressRanges parse(String list) {
    if (list == null || list.isBlank()) {
      return NONE;
    }
    List<Range> out = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    for (String raw : list.split(",")) {
      String s = raw.strip();
      if (s.isEmpty()) {
        continue;
      }
      int slash = s.indexOf('/');
      String addr = slash < 0 ? s : s.substring(0, slash);
      byte[] bytes =
          literal(addr)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "trusted proxy must be an IP address or CIDR range such as 10.0.0.0/8,"
                              + " got '"
                              + s
                              + "'"));
      int bits = bytes.length * 8;
      if (slash >= 0) {
        String len = s.substring(slash + 1);
        if (!len.matches("[0-9]{1,3}") || Integer.parseInt(len) > bytes.length * 8) {
          throw new IllegalArgumentException(
              "trusted proxy range '" + s + "' has a prefix length out of 0-" + bytes.length * 8);
        }
        bits = Integer.parseInt(len);
      }
      out.add(new Range(bytes, bits));
      kept.add(s);
    }
    return new AddressRanges(out, String.join(",", kept));
  }

  /** Whether {@code address} (a literal, as a socket reports it) is in one of the ranges. */
  public boolean contains(String address) {
    if (ranges.isEmpty() || address == null) {
      return false;
    }
    Optional<byte[]> bytes = literal(address);
    if (bytes.isEmpty()) {
      return false;
    }
    for (Range r : ranges) {
      if (r.contains(bytes.get())) {
        return true;
      }
    }
    return false;
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  @Override
  public String toString() {
    return text;
  }

  /**
   * The bytes of an IPv4 or IPv6 literal (IPv4-mapped IPv6 as IPv4), or empty for anything else; a
   * host name is never looked up.
   */
  public static Optional<byte[]> literal(String s) {
    if (s == null) {
      return Optional.empty();
    }
    String a = s.strip();
    if (a.startsWith("[") && a.endsWith("]")) {
      a = a.substring(1, a.length() - 1);
    }
    int zone = a.indexOf('%');
    if (zone >= 0) {
      a = a.substring(0, zone);
    }
    boolean v4 = a.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    boolean v6 = a.contains(":") && a.matches("[0-9A-Fa-f:.]{2,45}");
    if (!v4 && !v6) {
      return Optional.empty();
    }
    if (v4) {
      for (String part : a.split("\\.")) {
        if (Integer.parseInt(part) > 255) {
          return Optional.empty();
        }
      }
    }
    try {
      // a literal only (IPv6 in brackets, which InetAddress never sends to DNS)
      return Optional.of(InetAddress.getByName(v6 ? "[" + a + "]" : a).getAddress());
    } catch (UnknownHostException | SecurityException e) {
      return Optional.empty();
    }
  }

  private record Range(byte[] network, int bits) {
    boolean contains(byte[] a) {
      if (a.length != network.length) {
        return false;
      }
      int full = bits / 8;
      for (int i = 0; i < full; i++) {
        if (a[i] != network[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (a[full] & mask) == (network[full] & mask);
    }
  }
}
