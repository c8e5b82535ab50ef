package com.siali.label.server;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The addresses collaborators can reach this computer at: the IPv4 addresses of the interfaces that
 * are up, not loopback and not link-local. Invitation links and the start-up lines use these, never
 * {@code localhost}.
 */
public final class LanAddresses {
  private LanAddresses() {}

  /** The base URLs served for a listener on {@code host}: every LAN address for a wildcard host. */
  public static List<String> baseUrls(String scheme, String host, int port) {
    List<String> hosts = isWildcard(host) ? reachableIpv4() : List.of(host);
    return hosts.stream().map(h -> scheme + "://" + hostForUrl(h) + ":" + port + "/").toList();
  }

  public static boolean isWildcard(String host) {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
  }

  /** The LAN IPv4 addresses, or {@code 127.0.0.1} when the computer has no network. */
  public static List<String> reachableIpv4() {
    List<String> addresses = new ArrayList<>();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback() || nic.isVirtual()) {
          continue;
        }
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address
              && !address.isLinkLocalAddress()
              && !address.isLoopbackAddress()) {
            addresses.add(address.getHostAddress());
          }
        }
      }
    } catch (SocketException e) {
      // No interface list: fall through to loopback, which always works on this computer.
    }
    return addresses.isEmpty() ? List.of("127.0.0.1") : List.copyOf(addresses);
  }

  private static String hostForUrl(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
