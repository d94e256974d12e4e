package dev.tollgate.bench;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Closes what a run opened, newest first, once: when the run ends, or from a shutdown hook when
 * the user presses Ctrl-C, whichever comes first; the other caller waits until it is done.
 */
public final class Cleanup implements AutoCloseable {

  private final Deque<AutoCloseable> open = new ArrayDeque<>();
  private volatile boolean closing;

  /** Closes everything when the JVM is asked to stop (Ctrl-C, SIGTERM). */
  Cleanup onShutdown() {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (!closing) {
        System.err.println("interrupted: stopping the replicas and PostgreSQL, removing their"
            + " files");
      }
      close();
    }, "cleanup"));
    return this;
  }

  /** Something that makes a resource to be closed, such as a process or a database. */
  public interface Start<T extends AutoCloseable> {
    T start() throws Exception;
  }

  /**
   * Makes the resource and takes it in, to be closed before everything taken in earlier; a Ctrl-C
   * meanwhile waits until the start has ended, so that what it made is closed too.
   */
  public synchronized <T extends AutoCloseable> T start(Start<T> start) throws Exception {
    if (closing) {
      throw new IllegalStateException("stopping: nothing new is started");
    }
    T resource = start.start();
    open.push(resource);
    return resource;
  }

  /** Whether closing has begun, as it does when the user interrupts the run. */
  public boolean closing() {
    return closing;
  }

  @Override
  public void close() {
    closing = true;
    synchronized (this) {
      while (!open.isEmpty()) {
        closeQuietly(open.pop());
      }
    }
  }

  private static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception e) {
      System.err.println("cleaning up " + resource + " failed: " + e.getMessage());
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
