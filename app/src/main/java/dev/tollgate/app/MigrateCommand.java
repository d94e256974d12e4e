package dev.tollgate.app;

import dev.tollgate.options.EnvironmentDefaults;
import dev.tollgate.persistence.BackupFile;
import dev.tollgate.persistence.DatabaseSettings;
import dev.tollgate.persistence.StoreCopy;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tollgate migrate}: copies a whole store from one database into another (H2 and
 * PostgreSQL, either way), then compares both sides and prints the comparison.
 */
@Command(name = "migrate", sortOptions = false, usageHelpAutoWidth = true,
    defaultValueProvider = EnvironmentDefaults.class,
    description = {"Copy every token (hashes only: token strings are never stored), its"
        + " permissions, the bootstrap admin registration and the whole audit trail from one"
        + " database into another, H2 or PostgreSQL either way, and record a migrated event.",
        "The target's schema is brought up to date first. Stop the servers that use an H2 file"
            + " first; the copy is one transaction, so an interrupted run leaves the target as it"
            + " was and can simply be run again. Ends by comparing the row counts and a digest of"
            + " every table on both sides; a difference exits 1."})
public final class MigrateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--from", paramLabel = "JDBC-URL|FILE", required = true,
      description = "The database to copy from: jdbc:h2:file:DATA-DIR/tollgate (the H2 file of a"
          + " stopped server), jdbc:postgresql://HOST[:PORT]/DATABASE, or the path of a file"
          + " tollgate backup wrote.")
  String from;

  @Option(names = "--from-user", paramLabel = "USER",
      description = "User of the database to copy from [TOLLGATE_FROM_USER].")
  String fromUser;

  @Option(names = "--from-password", paramLabel = "PASSWORD",
      description = "Password of the database to copy from; prefer the environment variable"
          + " [TOLLGATE_FROM_PASSWORD].")
  String fromPassword;

  @Mixin
  CopyTarget target;

  @Override
  public Integer call() {
    if (!this.target.given()) {
      throw new ParameterException(spec.commandLine(), "--to JDBC-URL is missing: the database"
          + " to copy into, jdbc:h2:file:DATA-DIR/tollgate or jdbc:postgresql://HOST[:PORT]/DATABASE");
    }
    DatabaseSettings target = this.target.settings(spec);
    boolean replace = this.target.replace;
    if (!from.strip().startsWith("jdbc:")) {
      if (!Files.isRegularFile(Path.of(from.strip()))) {
        throw new ParameterException(spec.commandLine(), "--from " + from.strip() + " is neither"
            + " a JDBC URL (jdbc:h2:file:DATA-DIR/tollgate, jdbc:postgresql://HOST[:PORT]/DATABASE)"
            + " nor a backup file that exists");
      }
      return restore(spec, Path.of(from.strip()), () -> target, replace);
    }
    DatabaseSettings source = settings(spec, "--from", from, fromUser, fromPassword);
    return copy(spec, source, "--from " + source.describe(), target, replace, "migrated");
  }

  /**
   * Restores a backup file {@code tollgate backup} wrote into {@code target}, which is asked for
   * only once the file has been read and found to be a backup.
   */
  static int restore(CommandSpec spec, Path file, Supplier<DatabaseSettings> target,
      boolean replace) {
    try (BackupFile backup = BackupFile.open(file)) {
      return copy(spec, backup.settings(), backup.describe(), target.get(), replace, "restored");
    }
  }

  /** Copies, prints the comparison, and fails when the two sides differ. */
  private static int copy(CommandSpec spec, DatabaseSettings source, String sourceLabel,
      DatabaseSettings target, boolean replace, String done) {
    List<DataDirectoryLock> locks = new ArrayList<>();
    try {
      lockDataDirectory("--from", source).ifPresent(locks::add);
      lockDataDirectory("--to", target).ifPresent(locks::add);
      PrintWriter err = spec.commandLine().getErr();
      StoreCopy.Result result = StoreCopy.run(source, sourceLabel, target, replace,
          SystemClock.CLOCK.now(), line -> {
            err.println(line);
            err.flush();
          });
      PrintWriter out = spec.commandLine().getOut();
      out.print(table(result));
      if (!result.matches()) {
        throw new IllegalStateException("the target " + target.describe() + " differs from the"
            + " source " + sourceLabel + " after the copy (see the table above); do not use"
            + " it, and run the copy again with --replace");
      }
      out.printf(Locale.ROOT, "%s %s into %s; its audit trail records it as event %d%n", done,
          sourceLabel.replaceFirst("^--from ", ""), target.describe(), result.migratedSeq());
      out.flush();
      return 0;
    } finally {
      locks.forEach(DataDirectoryLock::release);
    }
  }

  static DatabaseSettings settings(CommandSpec spec, String option, String url, String user,
      String password) {
    try {
      return new DatabaseSettings(url.strip(), Optional.ofNullable(user),
          Optional.ofNullable(password), 1);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage(), e);
    }
  }

  /**
   * Holds the lock of the data directory an H2 file lies in, if a server has ever used it, so
   * that no server starts on it during the copy: refused at once when one runs there now.
   */
  private static Optional<DataDirectoryLock> lockDataDirectory(String option,
      DatabaseSettings settings) {
    Optional<Path> directory = settings.h2File().map(file -> file.toAbsolutePath().getParent());
    if (directory.isEmpty() || !Files.exists(directory.get().resolve(DataDirectoryLock.FILE_NAME))) {
      return Optional.empty();
    }
    return Optional.of(DataDirectoryLock.acquire(directory.get(), holder -> option + " "
        + settings.describe() + ": a running tollgate serve" + holder + " holds the data"
        + " directory " + directory.get() + "; stop it first (the H2 file can be copied only"
        + " while no server uses it)"));
  }

  /** The comparison as a small table: one line per table, a 16-digit prefix of each digest. */
  static String table(StoreCopy.Result result) {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
        "%-24s %12s %12s  %-16s  %-16s  %s%n", "TABLE", "SOURCE ROWS", "TARGET ROWS",
        "SOURCE DIGEST", "TARGET DIGEST", "COMPARED"));
    for (StoreCopy.TableCheck check : result.tables()) {
      text.append(String.format(Locale.ROOT, "%-24s %,12d %,12d  %-16s  %-16s  %s%n",
          check.table(), check.sourceRows(), check.targetRows(),
          check.sourceDigest().substring(0, 16), check.targetDigest().substring(0, 16),
          check.matches() ? "same" : "DIFFERENT"));
    }
    return text.toString();
  }
}
