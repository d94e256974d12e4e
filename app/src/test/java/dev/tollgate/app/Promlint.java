package dev.tollgate.app;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of promlint (client_golang's, which {@code promtool check metrics} applies) for one
 * metric family, plus the grammar of metric and label names; problem texts are promlint's.
 */
final class Promlint {

  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern CAMEL_CASE = Pattern.compile("[a-z][A-Z]");
  private static final List<String> ABBREVIATIONS = List.of("s", "ms", "us", "ns", "sec", "b",
      "kb", "mb", "gb", "tb", "pb", "m", "h", "d");
  /** Each unit promlint knows, to its base unit. */
  private static final Map<String, String> UNITS = Map.ofEntries(Map.entry("amperes", "amperes"),
      Map.entry("bytes", "bytes"), Map.entry("celsius", "celsius"), Map.entry("grams", "grams"),
      Map.entry("joules", "joules"), Map.entry("kelvin", "kelvin"), Map.entry("meters", "meters"),
      Map.entry("metres", "metres"), Map.entry("seconds", "seconds"), Map.entry("volts", "volts"),
      Map.entry("minutes", "seconds"), Map.entry("hours", "seconds"), Map.entry("days", "seconds"),
      Map.entry("weeks", "seconds"), Map.entry("kelvins", "kelvin"),
      Map.entry("fahrenheit", "celsius"), Map.entry("rankine", "celsius"),
      Map.entry("inches", "meters"), Map.entry("yards", "meters"), Map.entry("miles", "meters"),
      Map.entry("bits", "bytes"), Map.entry("calories", "joules"), Map.entry("pounds", "grams"),
      Map.entry("ounces", "grams"));
  private static final List<String> PREFIXES = List.of("pico", "nano", "micro", "milli", "centi",
      "deci", "deca", "hecto", "kilo", "kibi", "mega", "mibi", "giga", "gibi", "tera", "tebi",
      "peta", "pebi");

  private Promlint() {}

  /** One metric family as exposed: HELP and TYPE (null when missing) and its label names. */
  static final class Family {
    final String name;
    String help;
    String type;
    boolean sampled;
    final Set<String> labelNames = new HashSet<>();

    Family(String name) {
      this.name = name;
    }
  }

  /** What promlint would say of the family, each problem after the family's name. */
  static List<String> problems(Family family) {
    String name = family.name;
    String type = family.type == null ? "untyped" : family.type;
    List<String> problems = new ArrayList<>();
    if (family.help == null) {
      problems.add("no help text");
    }
    if (family.type == null) {
      problems.add("no TYPE line");
    }
    if (!METRIC_NAME.matcher(name).matches()) {
      problems.add("not a valid metric name");
    }
    for (String label : family.labelNames) {
      if (!LABEL_NAME.matcher(label).matches() || label.startsWith("__")) {
        problems.add("invalid or reserved label name " + label);
      }
      if (CAMEL_CASE.matcher(label).find()) {
        problems.add("label names should be written in 'snake_case' not 'camelCase'");
      }
      if (label.equals("le") && !type.equals("histogram")) {
        problems.add("non-histogram metrics should not have \"le\" label");
      }
      if (label.equals("quantile") && !type.equals("summary")) {
        problems.add("non-summary metrics should not have \"quantile\" label");
      }
    }
    unit(name).ifPresent(problems::add);
    boolean total = name.endsWith("_total");
    if (type.equals("counter") && !total) {
      problems.add("counter metrics should have \"_total\" suffix");
    } else if (!type.equals("counter") && !type.equals("untyped") && total) {
      problems.add("non-counter metrics should not have \"_total\" suffix");
    }
    if (!type.equals("untyped") && !type.equals("histogram")) {
      for (String suffix : List.of("_bucket", "_count", "_sum")) {
        if (name.endsWith(suffix) && !(type.equals("summary") && !suffix.equals("_bucket"))) {
          problems.add("non-histogram" + (suffix.equals("_bucket") ? "" : " and non-summary")
              + " metrics should not have \"" + suffix + "\" suffix");
        }
      }
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (String typeName : List.of("counter", "gauge", "histogram", "summary")) {
      if (lower.contains("_" + typeName + "_") || lower.endsWith("_" + typeName)) {
        problems.add("metric name should not include type '" + typeName + "'");
      }
    }
    if (name.contains(":")) {
      problems.add("metric names should not contain ':'");
    }
    if (CAMEL_CASE.matcher(name).find()) {
      problems.add("metric names should be written in 'snake_case' not 'camelCase'");
    }
    if (ABBREVIATIONS.stream().anyMatch(a -> lower.contains("_" + a + "_")
        || lower.endsWith("_" + a))) {
      problems.add("metric names should not contain abbreviated units");
    }
    return problems.stream().map(problem -> name + " " + problem).toList();
  }

  /** The first unit word of the name must be a base unit. */
  private static Optional<String> unit(String name) {
    for (String word : name.split("_")) {
      String base = UNITS.get(word);
      for (int i = 0; base == null && i < PREFIXES.size(); i++) {
        if (word.startsWith(PREFIXES.get(i))) {
          base = UNITS.get(word.substring(PREFIXES.get(i).length()));
        }
      }
      if (base != null) {
        return base.equals(word) ? Optional.empty()
            : Optional.of("use base unit \"" + base + "\" instead of \"" + word + "\"");
      }
    }
    return Optional.empty();
  }
}
