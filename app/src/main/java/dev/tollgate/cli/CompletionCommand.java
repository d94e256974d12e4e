package dev.tollgate.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tollgate completion bash|zsh}: the shell completion script, made by picocli. */
@Command(name = "completion", usageHelpAutoWidth = true,
    description = {"Print a completion script for the shell.",
        "bash: source <(tollgate completion bash), or save it in"
            + " ~/.local/share/bash-completion/completions/tollgate.",
        "zsh: source <(tollgate completion zsh) in ~/.zshrc (the script loads bashcompinit)."})
public final class CompletionCommand implements Callable<Integer> {

  /** The shells the script works in: zsh runs bash's through bashcompinit. */
  enum Shell { BASH, ZSH }

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
  Shell shell;

  @Override
  public Integer call() {
    String name = spec.root().name();
    spec.commandLine().getOut().print(AutoComplete.bash(name, spec.root().commandLine()));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
