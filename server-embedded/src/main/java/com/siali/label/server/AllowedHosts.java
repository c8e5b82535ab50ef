package com.siali.label.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The names and addresses collaborators may use to reach this computer (everything else is
 * refused).
 */
public final class AllowedHosts {
  private AllowedHosts() {}

  public static Set<String> forListener(String listenHost) {
    Set<String> hosts = new LinkedHashSet<>(Set.of("localhost", "127.0.0.1", "[::1]"));
    hosts.addAll(LanAddresses.reachableIpv4());
    if (!LanAddresses.isWildcard(listenHost)) {
      hosts.add(listenHost);
    }
    try {
      String name = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
      hosts.add(name);
      String shortName = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
      hosts.add(shortName);
      hosts.add(shortName + ".local");
    } catch (UnknownHostException e) {
      // no host name: addresses still work
    }
    return hosts;
  }

  /** This computer's short host name, to tell people which Siali Label they reach. */
  public static String computerName() {
    try {
      String name = InetAddress.getLocalHost().getHostName();
      String shortName = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
      return shortName.isBlank() ? "this computer" : shortName;
    } catch (UnknownHostException e) {
      return "this computer";
    }
  }
}
