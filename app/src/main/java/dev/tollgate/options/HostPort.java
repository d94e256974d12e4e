package dev.tollgate.options;

import java.net.InetSocketAddress;
import picocli.CommandLine.ITypeConverter;

/**
 * An address as the options write it, {@code HOST:PORT}, with an IPv6 host in brackets:
 * {@code [::1]:8091}; {@link #toString()} writes it back the same way.
 */
public record HostPort(String host, int port) {

  /** The socket address, its host resolved where it can be. */
  public InetSocketAddress socketAddress() {
    return new InetSocketAddress(host, port);
  }

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }

  /**
   * Reads {@code HOST:PORT}.
   *
   * @param lowest the lowest port allowed: 0 (any free port) to listen on, 1 to connect to
   * @param example an address that would do, for the message
   */
  static HostPort read(String text, int lowest, String example) {
    String stripped = text.strip();
    int colon = stripped.lastIndexOf(':');
    String host = colon < 0 ? "" : stripped.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = colon < 0 ? -1 : Integer.parseInt(stripped.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (!host.isEmpty() && port > 65535) {
      throw new BadValue(": port " + port + " is out of range; expected " + lowest + " to 65535"
          + (lowest == 0 ? " (0: any free port)" : ""));
    }
    if (host.isEmpty() || port < lowest) {
      throw new BadValue("is not an address; expected HOST:PORT such as " + example);
    }
    return new HostPort(host, port);
  }

  /** An address to listen on; port 0 is any free port. */
  public static final class Listen implements ITypeConverter<HostPort> {
    @Override
    public HostPort convert(String text) {
      return read(text, 0, "127.0.0.1:8091 or 0.0.0.0:8091");
    }
  }

  /** An address to listen on, or off (null): {@code off} or blank. */
  public static final class ListenOrOff extends OffWhenBlank<HostPort> {
    public ListenOrOff() {
      super(new Listen());
    }
  }

  /** Another server's address, to connect to. */
  public static final class Remote implements ITypeConverter<HostPort> {
    @Override
    public HostPort convert(String text) {
      return read(text, 1, "10.0.0.2:8091");
    }
  }
}
