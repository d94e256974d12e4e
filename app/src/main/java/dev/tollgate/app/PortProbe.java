package dev.tollgate.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * A port another process listens on, reported at once, before the database is opened or the
 * data directory written, rather than after a start that takes seconds.
 */
final class PortProbe {

  private PortProbe() {}

  /**
   * Binds the address for a moment; port 0 (any free port) is always free.
   *
   * @param option the option that gave the address, named in the message
   */
  static void requireFree(InetSocketAddress address, String option) {
    if (address.getPort() == 0) {
      return;
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(address);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + address.getHostString() + ":"
          + address.getPort() + ": " + (e instanceof BindException
              ? "the port is in use (another Tollgate server?)" : e.getMessage())
          + "; stop what uses it, or choose another " + option, e);
    }
  }
}
