package dev.tollgate.cli;

import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What to do instead, for the mistakes people make on the command line: a typo, an influxctl
 * habit, a description of several words without quotes. A command takes its description either
 * as its argument ({@code token create "…"}) or as {@code --description "…"}: the same advice
 * serves both.
 */
final class ParseAdvice {

  private static final String FLAG = "--description";

  private ParseAdvice() {}

  /** The advice, starting with "; ", or nothing. */
  static String of(ParameterException e, List<String> args) {
    if (!(e instanceof UnmatchedArgumentException unmatched)) {
      return "";
    }
    CommandSpec command = e.getCommandLine().getCommandSpec();
    List<String> words = unmatched.getUnmatched();
    Optional<ArgSpec> argument = command.positionalParameters().stream()
        .filter(parameter -> parameter.paramLabel().equals("DESCRIPTION"))
        .<ArgSpec>map(parameter -> parameter).findFirst();
    Optional<ArgSpec> option = Optional.ofNullable(command.findOption(FLAG));
    String name = command.qualifiedName();
    boolean bare = words.stream().noneMatch(word -> word.startsWith("-"));
    if (argument.isPresent() && words.stream().anyMatch(ParseAdvice::meansTheFlag)) {
      return "; " + name + " takes the description as its argument, as influxctl does: " + name
          + " [OPTIONS] \"DESCRIPTION\"";
    }
    Optional<ArgSpec> given = argument.or(() -> option)
        .filter(spec -> !spec.originalStringValues().isEmpty());
    if (bare && given.isPresent()) {
      return quote(given.get(), words, args);
    }
    if (bare && option.isPresent() && command.positionalParameters().isEmpty()) {
      return "; " + name + " takes the description as an option, as influxctl does: " + FLAG
          + " \"" + String.join(" ", words) + "\"";
    }
    List<String> suggestions = unmatched.getSuggestions().stream()
        .filter(suggestion -> words.stream().anyMatch(word -> near(word, suggestion))).toList();
    if (!suggestions.isEmpty()) {
      return "; did you mean " + String.join(" or ", suggestions.subList(0,
          Math.min(3, suggestions.size()))) + "?";
    }
    return "";
  }

  /**
   * Words left over after a description: they belong to it when they follow it on the command
   * line, else (an update, whose id follows) which of them do cannot be known.
   */
  private static String quote(ArgSpec description, List<String> words, List<String> args) {
    List<String> values = description.originalStringValues();
    String value = values.get(values.size() - 1);
    String flag = description.isOption() ? FLAG + " " : "";
    for (int i = 0; i + words.size() < args.size(); i++) {
      boolean valueHere = args.get(i).equals(value) || args.get(i).equals(FLAG + "=" + value);
      if (valueHere && args.subList(i + 1, i + 1 + words.size()).equals(words)) {
        return "; a description of several words must be quoted: " + flag + "\"" + value + " "
            + String.join(" ", words) + "\"";
      }
    }
    return "; if the description has several words, quote them: " + flag + "\"…\"";
  }

  /** {@code --description}, or a typo of it. */
  private static boolean meansTheFlag(String word) {
    String flag = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
    return flag.startsWith("--") && distance(flag, FLAG) <= 2;
  }

  /** Whether a suggestion is close enough to the word to be what was meant. */
  private static boolean near(String word, String suggestion) {
    return distance(word, suggestion) <= Math.max(2, word.length() / 3);
  }

  /** Levenshtein distance: the fewest insertions, deletions and substitutions from a to b. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
