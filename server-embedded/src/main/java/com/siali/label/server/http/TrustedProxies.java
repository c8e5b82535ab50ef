package com.siali.label.server.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The proxies whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are believed ({@value
 * #VARIABLE}: comma-separated IPv4/IPv6 addresses and CIDR blocks, SPEC §9). From anyone else those
 * headers are ignored: a client could otherwise choose its own throttle key. Addresses are parsed
 * as literals only, never looked up in DNS.
 */
public final class TrustedProxies {
  public static final String VARIABLE = "LABEL_STUDIO_TRUSTED_PROXIES";

  /** No proxy is trusted: the headers are ignored (the default). */
  public static final TrustedProxies NONE = new TrustedProxies(List.of());

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");

  private final List<Block> blocks;

  private TrustedProxies(List<Block> blocks) {
    this.blocks = List.copyOf(blocks);
  }

  /**
   * Parses {@value #VARIABLE}'s value; blank means {@link #NONE}.
   *
   * @throws IllegalArgumentException naming the entry that is neither an address nor a CIDR block
   */
  public static TrustedProxies parse(String value) {
    if (value == null || value.isBlank()) {
      return NONE;
    }
    List<Block> blocks = new ArrayList<>();
    for (String entry : value.split(",")) {
      String text = entry.strip();
      if (text.isEmpty()) {
        continue;
      }
      blocks.add(
          Block.parse(text)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "'"
                              + text
                              + "' is neither an IP address nor a CIDR block such as 10.0.0.0/8"
                              + " or fd00::/8")));
    }
    return new TrustedProxies(blocks);
  }

  public boolean isEmpty() {
    return blocks.isEmpty();
  }

  /** Whether {@code address} is one of the trusted proxies. */
  public boolean trusts(InetAddress address) {
    byte[] bytes = canonical(address).getAddress();
    return blocks.stream().anyMatch(block -> block.contains(bytes));
  }

  /**
   * The client behind {@code peer}: the peer itself unless it is trusted; then the right-most hop
   * of {@code X-Forwarded-For} that is not a trusted proxy (hops further left were written by the
   * client and prove nothing). A header that is not a list of addresses is ignored as a whole.
   *
   * @param forwardedFor every {@code X-Forwarded-For} value in order (several headers are one list)
   */
  public InetAddress client(InetAddress peer, List<String> forwardedFor) {
    if (!trusts(peer) || forwardedFor.isEmpty()) {
      return canonical(peer);
    }
    List<InetAddress> hops = new ArrayList<>();
    for (String header : forwardedFor) {
      for (String hop : header.split(",", -1)) {
        Optional<InetAddress> address = literal(hop.strip());
        if (address.isEmpty()) {
          return canonical(peer);
        }
        hops.add(address.get());
      }
    }
    InetAddress client = canonical(peer);
    for (int i = hops.size() - 1; i >= 0; i--) {
      client = hops.get(i);
      if (!trusts(client)) {
        break;
      }
    }
    return client;
  }

  /**
   * Whether the client reached the proxy over HTTPS: only a trusted peer's {@code
   * X-Forwarded-Proto} counts, and its last value (the one the nearest proxy set).
   */
  public boolean forwardedHttps(InetAddress peer, String forwardedProto) {
    if (forwardedProto == null || !trusts(peer)) {
      return false;
    }
    String[] values = forwardedProto.split(",");
    return values.length > 0 && values[values.length - 1].strip().equalsIgnoreCase("https");
  }

  /** An IPv4 or IPv6 literal (brackets allowed), never a DNS look-up. */
  static Optional<InetAddress> literal(String text) {
    String s =
        text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    try {
      if (IPV4.matcher(s).matches()) {
        byte[] bytes = new byte[4];
        String[] parts = s.split("\\.");
        for (int i = 0; i < 4; i++) {
          int octet = Integer.parseInt(parts[i]);
          if (octet > 255) {
            return Optional.empty();
          }
          bytes[i] = (byte) octet;
        }
        return Optional.of(InetAddress.getByAddress(bytes));
      }
      if (s.indexOf(':') >= 0 && IPV6.matcher(s).matches()) {
        // Starting with a hex digit or a colon and holding a colon, the JDK parses the text as an
        // IPv6 literal and looks nothing up.
        return Optional.of(canonical(InetAddress.getByName(s)));
      }
    } catch (UnknownHostException | NumberFormatException notAnAddress) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /** An IPv4-mapped IPv6 address ({@code ::ffff:10.0.0.1}) is the IPv4 address it carries. */
  static InetAddress canonical(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length == 16 && isV4Mapped(bytes)) {
      try {
        return InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
      } catch (UnknownHostException impossible) {
        return address;
      }
    }
    return address;
  }

  private static boolean isV4Mapped(byte[] bytes) {
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
  }

  /** One address ({@code /32} or {@code /128}) or CIDR block. */
  record Block(byte[] network, int prefix) {
    static Optional<Block> parse(String text) {
      int slash = text.indexOf('/');
      Optional<InetAddress> address = literal(slash < 0 ? text : text.substring(0, slash));
      if (address.isEmpty()) {
        return Optional.empty();
      }
      byte[] bytes = address.get().getAddress();
      int bits = bytes.length * 8;
      int prefix = bits;
      if (slash >= 0) {
        String length = text.substring(slash + 1);
        if (!length.matches("\\d{1,3}")) {
          return Optional.empty();
        }
        prefix = Integer.parseInt(length);
        if (prefix > bits) {
          return Optional.empty();
        }
      }
      return Optional.of(new Block(bytes, prefix));
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int whole = prefix / 8;
      for (int i = 0; i < whole; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[whole] & mask) == (network[whole] & mask);
    }
  }
}
