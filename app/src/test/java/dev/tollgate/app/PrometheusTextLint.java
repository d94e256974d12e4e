package dev.tollgate.app;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lints Prometheus text exposition (format 0.0.4) as {@code promtool check metrics} does: the
 * parser's rules here, promlint's naming rules in {@link Promlint}; a little more strictly, since
 * every family needs TYPE as well as HELP. Problems read like promtool's: the name, then what.
 */
final class PrometheusTextLint {

  private static final Pattern SAMPLE = Pattern.compile(
      "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?[ \\t]+(\\S+)([ \\t]+-?[0-9]+)?");
  private static final Pattern LABEL = Pattern.compile(
      "\\s*([^=\\s]+)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*(,|$)");
  private static final Pattern NUMBER = Pattern.compile(
      "[+-]?(Inf|NaN|[0-9]*\\.?[0-9]+([eE][+-]?[0-9]+)?)");
  private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary",
      "untyped");

  private PrometheusTextLint() {}

  /** Everything wrong with the exposition; empty when promtool would find nothing either. */
  static List<String> problems(String text) {
    Map<String, Promlint.Family> families = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    Set<String> series = new HashSet<>();
    Set<String> left = new HashSet<>();
    String current = "";
    for (String line : text.split("\n")) {
      String name;
      if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
        String[] parts = line.substring(7).split(" ", 2);
        name = parts[0];
        Promlint.Family family = families.computeIfAbsent(name, Promlint.Family::new);
        String value = parts.length > 1 ? parts[1] : "";
        if (line.startsWith("# HELP ")) {
          if (family.help != null) {
            problems.add(name + " has a second HELP line");
          }
          family.help = value;
        } else {
          if (family.type != null || family.sampled) {
            problems.add(name + " has a second TYPE line, or a TYPE after its samples");
          }
          if (!TYPES.contains(value)) {
            problems.add(name + " has an unknown type " + value);
          }
          family.type = value;
        }
      } else if (line.isBlank() || line.startsWith("#")) {
        continue;
      } else {
        Matcher sample = SAMPLE.matcher(line);
        if (!sample.matches()) {
          problems.add("cannot parse the sample line: " + line);
          continue;
        }
        name = familyOf(sample.group(1), families);
        Promlint.Family family = families.computeIfAbsent(name, Promlint.Family::new);
        family.sampled = true;
        String labels = labels(sample.group(3), family, problems);
        if (!series.add(sample.group(1) + labels)) {
          problems.add(name + " has the series " + sample.group(1) + labels + " twice");
        }
        if (!NUMBER.matcher(sample.group(4)).matches()) {
          problems.add(name + " has a value that is not a number: " + sample.group(4));
        }
      }
      if (!name.equals(current)) {
        left.add(current);
        if (left.contains(name)) {
          problems.add(name + " is exposed in two places (a duplicate family)");
        }
        current = name;
      }
    }
    families.values().forEach(family -> problems.addAll(Promlint.problems(family)));
    return problems;
  }

  /** The family a sample belongs to: its own name, or a histogram's or summary's base name. */
  private static String familyOf(String sample, Map<String, Promlint.Family> families) {
    for (String suffix : List.of("_bucket", "_count", "_sum")) {
      String base = sample.substring(0, Math.max(0, sample.length() - suffix.length()));
      Promlint.Family family = families.get(base);
      if (sample.endsWith(suffix) && family != null && ("histogram".equals(family.type)
          || "summary".equals(family.type) && !suffix.equals("_bucket"))) {
        return base;
      }
    }
    return sample;
  }

  /** The labels in a canonical order, to tell series apart; their names go to the family. */
  private static String labels(String text, Promlint.Family family, List<String> problems) {
    Map<String, String> labels = new TreeMap<>();
    if (text != null && !text.isBlank()) {
      Matcher label = LABEL.matcher(text);
      int end = 0;
      while (end < text.length() && label.find(end) && label.start() == end) {
        if (labels.put(label.group(1), label.group(2)) != null) {
          problems.add(family.name + " has the label " + label.group(1) + " twice in a series");
        }
        end = label.end();
      }
      if (end < text.length()) {
        problems.add(family.name + " has labels that cannot be parsed: {" + text + "}");
      }
    }
    labels.keySet().stream().filter(l -> !l.equals("le") || !"histogram".equals(family.type))
        .forEach(family.labelNames::add);
    return labels.toString();
  }
}
