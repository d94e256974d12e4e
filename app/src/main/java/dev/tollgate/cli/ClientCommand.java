package dev.tollgate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A subcommand that talks to a Tollgate server through the selected profile. */
abstract class ClientCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  GlobalFlags flags() {
    return ((TollgateCommand) spec.root().userObject()).flags();
  }

  /** Opens a connection with the profile the global flags select. */
  Connection connect() {
    GlobalFlags flags = flags();
    return new Connection(ClientConfig.load(flags, System.getenv(), Path.of("")), flags.timeout());
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Prints the token string as the last line of standard output, after the two warnings. */
  void printSecretLast(String token) {
    out().flush();
    err().println("warn\tplease copy the token and store in a safe place");
    err().println("warn\tthis is the *only time* you will see the token");
    err().flush();
    out().println(token);
    out().flush();
  }
}
