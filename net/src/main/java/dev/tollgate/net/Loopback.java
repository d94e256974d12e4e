package dev.tollgate.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Whether a host is this machine, judged by its address and never by resolving a name. */
public final class Loopback {

  private static final Pattern IPV4_LITERAL = Pattern.compile(
      "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

  private Loopback() {}

  /**
   * {@code localhost}, or a literal loopback address ({@code 127.0.0.0/8}, {@code ::1}, with or
   * without brackets). {@code 127.example.com}, or a name that resolves to 127.0.0.1 today, is not.
   */
  public static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    String literal = host.startsWith("[") && host.endsWith("]")
        ? host.substring(1, host.length() - 1) : host;
    if (!literal.contains(":") && !IPV4_LITERAL.matcher(literal).matches()) {
      return false;
    }
    try {
      // a literal address: no name lookup happens
      return InetAddress.getByName(literal).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
