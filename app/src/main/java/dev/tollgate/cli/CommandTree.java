package dev.tollgate.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command tree for one run. picocli reads every command's annotations when it builds a tree,
 * a tenth of a second a client command does not need to pay: when the arguments name a command,
 * only that command (and its one subcommand) is built; help, completion and suggestions for a
 * mistyped name get the whole tree.
 */
public final class CommandTree {

  /**
   * The commands that talk to no server (they serve, or copy databases), and so take none of
   * the client's global flags.
   */
  private static final Set<String> SERVERS = Set.of("serve", "migrate", "restore");

  /** Each command group's subcommands. */
  private static final Map<Class<?>, List<Class<?>>> GROUPS = Map.of(
      TokenCommand.class, TokenCommand.SUBCOMMANDS,
      ManagementCommand.class, ManagementCommand.SUBCOMMANDS,
      ReplicaCommand.class, ReplicaCommand.SUBCOMMANDS,
      AuthCommand.class, AuthCommand.SUBCOMMANDS);

  private CommandTree() {}

  /** The words of the arguments that name commands, e.g. {@code token list}: the first two. */
  public static List<String> commandWords(String[] args) {
    List<String> words = new ArrayList<>(2);
    for (int i = 0; i < args.length && words.size() < 2; i++) {
      if (TollgateCommand.clientFlags().contains(args[i])) {
        i++;
      } else if (!args[i].startsWith("-")) {
        words.add(args[i]);
      }
    }
    return words;
  }

  /**
   * Builds the tree.
   *
   * @param topLevel each top-level command by name, made only when it is part of the tree
   * @param words what {@link #commandWords} found; empty for the whole tree
   */
  public static CommandLine build(Object root, Map<String, Supplier<Object>> topLevel,
      List<String> words) {
    CommandLine tree = new CommandLine(root);
    String first = words.isEmpty() ? "" : words.get(0);
    boolean one = topLevel.containsKey(first) && !first.equals("completion");
    topLevel.forEach((name, make) -> {
      if (one && !name.equals(first)) {
        return;
      }
      Object command = make.get();
      CommandLine group = new CommandLine(command);
      tree.addSubcommand(name, group); // first, so that the global options reach its children
      if (SERVERS.contains(name)) {
        withoutClientFlags(group.getCommandSpec());
      }
      List<Class<?>> children = GROUPS.getOrDefault(command.getClass(), List.of());
      Optional<Class<?>> named = one && words.size() > 1
          ? children.stream().filter(child -> names(child).contains(words.get(1))).findFirst()
          : Optional.empty();
      for (Class<?> child : named.map(List::<Class<?>>of).orElse(children)) {
        group.addSubcommand(new CommandLine(child));
      }
    });
    return tree;
  }

  /** Takes the client's global flags, inherited from the top, off a command that is no client. */
  private static void withoutClientFlags(CommandSpec command) {
    for (String flag : TollgateCommand.clientFlags()) {
      command.remove(command.findOption(flag));
    }
  }

  private static List<String> names(Class<?> command) {
    Command annotation = command.getAnnotation(Command.class);
    List<String> names = new ArrayList<>(Arrays.asList(annotation.aliases()));
    names.add(annotation.name());
    return names;
  }
}
