package dev.tollgate.grpc;

import io.grpc.Metadata;
import io.grpc.ServerStreamTracer;
import io.grpc.Status;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Takes a call's place in its lane once its connection is known (or marks the call refused, in
 * its headers, for {@link CallAdmission} to answer), and gives the place back when the stream
 * closes, even if it closes first.
 */
final class LaneTracer extends ServerStreamTracer {
  private static final int NEW = 0;
  private static final int HOLDING = 1;
  private static final int CLOSED = 2;

  private final Lane lane;
  private final Metadata headers;
  private final AtomicInteger state = new AtomicInteger(NEW);
  private ConnectionCalls connection;

  LaneTracer(Lane lane, Metadata headers) {
    this.lane = lane;
    this.headers = headers;
  }

  @Override
  public void serverCallStarted(ServerCallInfo<?, ?> callInfo) {
    ConnectionCalls calls = ConnectionCalls.of(callInfo.getAttributes());
    Lane.Refusal refusal = lane.admit(calls);
    if (refusal != null) {
      headers.put(CallAdmission.REFUSED, refusal.name());
      return;
    }
    connection = calls;
    if (!state.compareAndSet(NEW, HOLDING)) {
      lane.release(calls);
    }
  }

  @Override
  public void streamClosed(Status status) {
    if (state.getAndSet(CLOSED) == HOLDING) {
      lane.release(connection);
    }
  }
}
