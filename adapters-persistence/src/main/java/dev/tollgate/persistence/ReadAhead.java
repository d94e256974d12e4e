package dev.tollgate.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Reads on a thread of its own while the caller consumes, in batches through a small bounded
 * queue: waiting for the database and decoding rows overlap with what the caller does with them.
 * The caller sees the items in order and on its own thread, and any failure of either side.
 */
final class ReadAhead {

  private static final int BATCH = 1_000;
  private static final int BATCHES_AHEAD = 8;
  private static final List<Object> END = List.of();

  private ReadAhead() {}

  /** Runs {@code read}, which hands items to the consumer it gets, and gives them to {@code use}. */
  static <T> void forEach(Consumer<Consumer<T>> read, Consumer<T> use) {
    BlockingQueue<List<?>> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    RuntimeException[] failure = {null};
    Thread reader = new Thread(() -> {
      List<T> batch = new ArrayList<>(BATCH);
      try {
        read.accept(item -> {
          batch.add(item);
          if (batch.size() == BATCH) {
            put(queue, new ArrayList<>(batch));
            batch.clear();
          }
        });
        put(queue, batch);
      } catch (RuntimeException e) {
        failure[0] = e;
      } finally {
        try {
          queue.put(END);
        } catch (InterruptedException e) {
          // the caller stopped taking: nobody waits for the end
          Thread.currentThread().interrupt();
        }
      }
    }, "tollgate-read-ahead");
    reader.setDaemon(true);
    reader.start();
    boolean done = false;
    try {
      for (List<?> batch = take(queue); batch != END; batch = take(queue)) {
        @SuppressWarnings("unchecked")
        List<T> items = (List<T>) batch;
        items.forEach(use);
      }
      done = true;
    } finally {
      if (!done) {
        reader.interrupt();
      }
      join(reader);
    }
    if (failure[0] != null) {
      throw failure[0];
    }
  }

  private static void put(BlockingQueue<List<?>> queue, List<?> batch) {
    try {
      queue.put(batch);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("reading ahead was stopped: its reader gave up", e);
    }
  }

  private static List<?> take(BlockingQueue<List<?>> queue) {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading tokens", e);
    }
  }

  private static void join(Thread reader) {
    try {
      reader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
