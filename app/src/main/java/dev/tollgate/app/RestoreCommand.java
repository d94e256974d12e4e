package dev.tollgate.app;

import dev.tollgate.options.EnvironmentDefaults;
import dev.tollgate.persistence.DatabaseSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tollgate restore FILE}: brings a backup back into a data directory (or any database
 * {@code migrate} takes), bringing an older schema up to date on the way.
 */
@Command(name = "restore", sortOptions = false, usageHelpAutoWidth = true,
    defaultValueProvider = EnvironmentDefaults.class,
    description = {"Restore a file tollgate backup wrote into the data directory of a stopped"
        + " server (or into PostgreSQL with --to), then serve from it: every token, its"
        + " permissions, the bootstrap admin registration and the audit trail as they were when"
        + " the backup was taken, and a migrated event saying so.",
        "A backup of an older Tollgate is brought up to this one's schema; one of a newer"
            + " Tollgate is refused. The copy is one transaction, so an interrupted run leaves"
            + " the target as it was and can simply be run again. Ends by comparing the row"
            + " counts and a digest of every table on both sides; a difference exits 1."})
public final class RestoreCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The backup to restore.")
  Path file;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "The data directory to restore into, made if missing; tollgate serve"
          + " --data-dir DIR then serves it. It must hold no tokens, unless --replace. Or give"
          + " --to instead.")
  Path dataDirectory;

  @Mixin
  CopyTarget target;

  @Override
  public Integer call() {
    if ((dataDirectory != null) == target.given()) {
      throw new ParameterException(spec.commandLine(), dataDirectory == null
          ? "say where to restore to: --data-dir DIR (the H2 file of tollgate serve --data-dir"
              + " DIR) or --to JDBC-URL"
          : "--data-dir " + dataDirectory + " and --to " + target.to + " both say where to"
              + " restore to; expected one of them");
    }
    DatabaseSettings other = target.given() ? target.settings(spec) : null;
    return MigrateCommand.restore(spec, file, () -> other != null ? other : dataDirectory(),
        target.replace);
  }

  /** The data directory's H2 file, the directory made (owner only) if it is missing. */
  private DatabaseSettings dataDirectory() {
    try {
      DataDirectory.prepare(dataDirectory.toAbsolutePath());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    return DatabaseSettings.h2In(dataDirectory);
  }
}
