package dev.tollgate.app;

import dev.tollgate.domain.port.in.ProvisionBootstrapAdminUseCase;
import dev.tollgate.options.EnvironmentDefaults;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tollgate serve}: the management API, the authorizer, health and reflection on one port. */
@Command(name = "serve", sortOptions = false, usageHelpAutoWidth = true,
    defaultValueProvider = EnvironmentDefaults.class,
    description = "Run the Tollgate server. Every option can also be set with the environment"
        + " variable named in brackets.")
public final class ServeCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ServeOptions options;

  @Override
  public Integer call() throws Exception {
    ProvisionBootstrapAdminUseCase.Change bootstrapChange = options.bootstrapChange();
    ServerConfig config = options.config();
    Optional<ReadyFile> readyFile = options.readyFile().map(ReadyFile::new);
    // every check before anything is written to the data directory
    PortProbe.requireFree(config.listen(), "--listen");
    config.metricsListen().ifPresent(address -> PortProbe.requireFree(address, "--metrics-listen"));
    config.httpListen().ifPresent(address -> PortProbe.requireFree(address, "--http-listen"));
    try {
      readyFile.ifPresent(ReadyFile::prepare);
      DataDirectory.prepare(config.dataDirectory());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    new ServerRun(config, bootstrapChange, readyFile).serve();
    return 0;
  }
}
