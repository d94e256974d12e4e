package dev.tollgate.grpc;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.LinkedHashMap;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NormalizedParameters;
import org.slf4j.spi.LoggingEventAware;

/** A logger that keeps what it is given, fields as fields, for tests to look at. */
final class CapturedLog extends LegacyAbstractLogger implements LoggingEventAware {

  /** One logged event: its level, message and key-values in order. */
  record Event(Level level, String message, Map<String, Object> fields) {}

  final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();

  CapturedLog() {
    this.name = "captured";
  }

  List<Event> all() {
    return List.copyOf(events);
  }

  @Override
  public void log(LoggingEvent event) {
    NormalizedParameters normalized = NormalizedParameters.normalize(event);
    Map<String, Object> fields = new LinkedHashMap<>();
    if (event.getKeyValuePairs() != null) {
      for (KeyValuePair pair : event.getKeyValuePairs()) {
        fields.put(pair.key, pair.value);
      }
    }
    events.add(new Event(event.getLevel(), MessageFormatter.basicArrayFormat(
        normalized.getMessage(), normalized.getArguments()), fields));
  }

  @Override
  protected void handleNormalizedLoggingCall(Level level, Marker marker, String message,
      Object[] arguments, Throwable throwable) {
    events.add(new Event(level, MessageFormatter.basicArrayFormat(message, arguments), Map.of()));
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  public boolean isTraceEnabled() {
    return true;
  }

  @Override
  public boolean isDebugEnabled() {
    return true;
  }

  @Override
  public boolean isInfoEnabled() {
    return true;
  }

  @Override
  public boolean isWarnEnabled() {
    return true;
  }

  @Override
  public boolean isErrorEnabled() {
    return true;
  }
}
