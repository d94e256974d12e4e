package dev.tollgate.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ReadAheadTest {

  @Test
  void manyItems_forEach_handsEveryItemInOrderOnTheCallersThread() {
    List<Integer> seen = new ArrayList<>();
    Thread caller = Thread.currentThread();
    List<Thread> threads = new ArrayList<>();

    ReadAhead.<Integer>forEach(sink -> IntStream.range(0, 25_001).forEach(sink::accept), item -> {
      seen.add(item);
      threads.add(Thread.currentThread());
    });

    assertThat(seen).containsExactlyElementsOf(IntStream.range(0, 25_001).boxed().toList());
    assertThat(threads).containsOnly(caller);
  }

  @Test
  void readerFailsHalfway_forEach_throwsItsFailureAfterWhatWasRead() {
    List<Integer> seen = new ArrayList<>();

    assertThatThrownBy(() -> ReadAhead.<Integer>forEach(sink -> {
      IntStream.range(0, 20_000).forEach(sink::accept);
      throw new IllegalStateException("database gone");
    }, seen::add)).hasMessage("database gone");
    assertThat(seen).hasSize(20_000);
  }

  @Test
  void callerFails_forEach_stopsTheReaderAndThrowsTheCallersFailure() {
    assertThatThrownBy(() -> ReadAhead.<Integer>forEach(sink -> {
      for (int i = 0; ; i++) {
        sink.accept(i);
      }
    }, item -> {
      if (item == 5_000) {
        throw new IllegalArgumentException("caller gave up");
      }
    })).hasMessage("caller gave up");
  }
}
