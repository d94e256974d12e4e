package dev.tollgate.persistence;

import dev.tollgate.domain.model.UserInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The settings of an H2 URL, read exactly as H2 2.4 reads them, and the few Tollgate accepts.
 * Most others are unsafe from a URL: {@code INIT} runs SQL, {@code AUTO_SERVER} opens a port on
 * every interface, and H2 runs every {@code SET}-type setting as {@code SET NAME VALUE}, so even an
 * accepted setting's value is checked before H2 sees it.
 */
final class H2UrlSettings {

  /** What an accepted setting's value must look like. */
  private enum Value {
    WHOLE_NUMBER("[0-9]{1,9}", "a whole number, such as 0"),
    DELAY("-1|[0-9]{1,9}", "-1 or a whole number of seconds"),
    FLAG("(?i)TRUE|FALSE", "TRUE or FALSE");

    private final Pattern pattern;
    private final String expected;

    Value(String pattern, String expected) {
      this.pattern = Pattern.compile(pattern);
      this.expected = expected;
    }
  }

  private static final Map<String, Value> ACCEPTED = new TreeMap<>(Map.of(
      "CACHE_SIZE", Value.WHOLE_NUMBER,
      "DB_CLOSE_DELAY", Value.DELAY,
      "DB_CLOSE_ON_EXIT", Value.FLAG,
      "IFEXISTS", Value.FLAG,
      "LOCK_TIMEOUT", Value.WHOLE_NUMBER,
      "RETENTION_TIME", Value.WHOLE_NUMBER,
      "WRITE_DELAY", Value.WHOLE_NUMBER));

  private H2UrlSettings() {}

  /** A setting as H2 reads it: the name upper-cased, the value unescaped. */
  record Setting(String name, String value) {}

  /**
   * Refuses an H2 URL with a setting Tollgate does not accept, or an accepted one with a value of
   * the wrong form; {@code shown} is how messages name the URL.
   */
  static void check(String url, String shown) {
    for (Setting setting : read(url, shown)) {
      Value value = ACCEPTED.get(setting.name());
      if (value == null) {
        throw new IllegalArgumentException("database URL " + shown + " sets "
            + named(setting.name()) + ", which Tollgate does not accept; the H2 settings"
            + " Tollgate accepts are " + accepted());
      }
      if (!value.pattern.matcher(setting.value()).matches()) {
        throw new IllegalArgumentException("database URL " + shown + " sets " + setting.name()
            + " to " + UserInput.quote(setting.value()) + "; expected " + value.expected);
      }
    }
  }

  /**
   * The settings as org.h2.engine.ConnectionInfo reads them: everything after the URL's first
   * ';', split at each ';' that no backslash escapes, a backslash taking the next character as it
   * is ({@code \INIT} is {@code INIT}), empty parts skipped, names upper-cased and not trimmed.
   */
  static List<Setting> read(String url, String shown) {
    List<Setting> settings = new ArrayList<>();
    int start = url.indexOf(';');
    if (start < 0) {
      return settings;
    }
    for (String part : split(url.substring(start + 1))) {
      if (part.isEmpty()) {
        continue;
      }
      int equals = part.indexOf('=');
      if (equals < 0) {
        throw new IllegalArgumentException("database URL " + shown + " has a setting without a"
            + " value (" + UserInput.quote(part) + "); expected NAME=VALUE after each ';'");
      }
      settings.add(new Setting(part.substring(0, equals).toUpperCase(Locale.ENGLISH),
          part.substring(equals + 1)));
    }
    return settings;
  }

  /** H2's StringUtils.arraySplit(text, ';', false). */
  private static List<String> split(String text) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ';') {
        parts.add(part.toString());
        part.setLength(0);
      } else if (c == '\\' && i < text.length() - 1) {
        part.append(text.charAt(++i));
      } else {
        part.append(c);
      }
    }
    parts.add(part.toString());
    return parts;
  }

  /** A setting's name as it is, or quoted when it is not a plain name. */
  private static String named(String name) {
    return name.matches("[A-Z0-9_]{1,64}") ? name : UserInput.quote(name);
  }

  private static String accepted() {
    List<String> names = new ArrayList<>(ACCEPTED.keySet());
    return String.join(", ", names.subList(0, names.size() - 1)) + " and "
        + names.get(names.size() - 1);
  }
}
