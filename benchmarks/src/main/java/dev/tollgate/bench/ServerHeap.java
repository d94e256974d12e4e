package dev.tollgate.bench;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The heap of a server process, read through its own management beans: the JDK's attach
 * mechanism starts its local JMX agent (no option given to the server), and the benchmark reads
 * the heap in use, asks for full collections, and samples the heap while something runs.
 */
final class ServerHeap implements AutoCloseable {

  private static final int MAX_COLLECTIONS = 10;

  private final JMXConnector connector;
  private final MemoryMXBean memory;

  private ServerHeap(JMXConnector connector, MemoryMXBean memory) {
    this.connector = connector;
    this.memory = memory;
  }

  /** Attaches to the JVM of process {@code pid}, which must run as the same user. */
  static ServerHeap attach(long pid) throws IOException {
    String address;
    try {
      VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
      try {
        address = vm.startLocalManagementAgent();
      } finally {
        vm.detach();
      }
    } catch (AttachNotSupportedException e) {
      throw new IOException("cannot attach to process " + pid + ": " + e.getMessage(), e);
    }
    JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
    return new ServerHeap(connector, ManagementFactory.newPlatformMXBeanProxy(
        connector.getMBeanServerConnection(), ManagementFactory.MEMORY_MXBEAN_NAME,
        MemoryMXBean.class));
  }

  /** Heap in use now, bytes, garbage included. */
  long used() {
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** The largest the heap may grow, bytes. */
  long max() {
    return memory.getHeapMemoryUsage().getMax();
  }

  /** Heap in use once full collections stop freeing more than 0.1% of it: what is live. */
  long usedAfterFullGc() {
    long previous = Long.MAX_VALUE;
    for (int i = 0; i < MAX_COLLECTIONS; i++) {
      memory.gc();
      long used = used();
      if (previous != Long.MAX_VALUE && Math.abs(previous - used) <= previous / 1000) {
        return used;
      }
      previous = used;
    }
    return previous;
  }

  /** Samples the heap in use every few milliseconds on a thread of its own until closed. */
  Sampler sample() {
    return new Sampler();
  }

  /** The highest heap in use that a sampling saw. */
  final class Sampler implements AutoCloseable {

    private static final long EVERY_MILLIS = 5;

    private final AtomicLong peak = new AtomicLong();
    private final Thread thread;
    private volatile boolean stop;

    private Sampler() {
      peak.set(used());
      thread = new Thread(() -> {
        while (!stop) {
          peak.accumulateAndGet(used(), Math::max);
          try {
            Thread.sleep(EVERY_MILLIS);
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "server-heap-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    /** Stops sampling, with one last sample, and returns the peak seen. */
    long peak() throws InterruptedException {
      close();
      thread.join();
      return peak.accumulateAndGet(used(), Math::max);
    }

    @Override
    public void close() {
      stop = true;
    }
  }

  @Override
  public void close() throws IOException {
    connector.close();
  }
}
