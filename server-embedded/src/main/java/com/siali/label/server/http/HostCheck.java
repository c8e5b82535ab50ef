package com.siali.label.server.http;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses requests whose {@code Host} is not one of this computer's names or addresses
 * (SECURITY.md): a web page elsewhere cannot use DNS rebinding to read the LAN server through a
 * visitor's browser.
 */
public final class HostCheck {
  private final Set<String> allowed;

  public HostCheck(Set<String> allowedHosts) {
    this.allowed =
        allowedHosts.stream()
            .map(h -> h.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
  }

  public boolean allows(String hostHeader) {
    return hostHeader != null
        && !hostHeader.isEmpty()
        && allowed.contains(hostPart(hostHeader).toLowerCase(Locale.ROOT));
  }

  /** {@code "host:port"} → {@code "host"}, keeping IPv6 brackets. */
  static String hostPart(String hostHeader) {
    if (hostHeader.startsWith("[")) {
      int end = hostHeader.indexOf(']');
      return end < 0 ? hostHeader : hostHeader.substring(0, end + 1);
    }
    int colon = hostHeader.lastIndexOf(':');
    return colon < 0 ? hostHeader : hostHeader.substring(0, colon);
  }
}
