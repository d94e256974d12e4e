package dev.tollgate.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL for trying several replicas on one machine, with nothing installed: the embedded
 * binaries the tests use, on 127.0.0.1, with an empty {@code tollgate} database, until Ctrl-C
 * stops it and removes its files. Not for production: no TLS, no password, no durability
 * settings beyond zonky's test defaults.
 */
public final class LocalPostgres {

  /** Not PostgreSQL's own 5432, which an installed server may hold. */
  static final int DEFAULT_PORT = 15432;

  private LocalPostgres() {}

  public static void main(String[] args) throws Exception {
    int port = DEFAULT_PORT;
    if (args.length == 2 && args[0].equals("--port") && args[1].matches("[0-9]{1,5}")) {
      port = Integer.parseInt(args[1]);
    } else if (args.length != 0) {
      System.err.println("usage: LocalPostgres [--port N] (default " + DEFAULT_PORT + ")");
      System.exit(2);
    }
    Path files = Files.createTempDirectory("tollgate-local-postgres-");
    EmbeddedPostgres postgres;
    try {
      postgres = EmbeddedPostgres.builder().setPort(port).setDataDirectory(files)
          .setCleanDataDirectory(true).start();
    } catch (IOException | RuntimeException e) {
      System.err.println("cannot start PostgreSQL on 127.0.0.1:" + port + " (" + e.getMessage()
          + "); is the port taken? Give another with --port N");
      System.exit(1);
      return;
    }
    createDatabase(postgres, port);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        postgres.close();
      } catch (IOException e) {
        System.err.println("stopping PostgreSQL failed: " + e.getMessage());
      }
    }));
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/tollgate";
    System.out.println("PostgreSQL listening on 127.0.0.1:" + port + ", database tollgate, user"
        + " postgres (no password on loopback); Ctrl-C stops it and removes " + files);
    System.out.println("Replicas on it, each in a terminal of its own, from the checkout:");
    System.out.println("  ./tollgate serve --database-url " + url + " --database-user postgres");
    System.out.println("  ./tollgate serve --database-url " + url + " --database-user postgres"
        + " --listen 127.0.0.1:8093 --http-listen 127.0.0.1:8094 --data-dir data-b");
    System.out.flush();
    Thread.currentThread().join();
  }

  private static void createDatabase(EmbeddedPostgres postgres, int port) throws SQLException {
    try (Connection connection = DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", null);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE tollgate");
    }
  }
}
