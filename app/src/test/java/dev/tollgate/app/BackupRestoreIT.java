package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.files.TokenFile;
import dev.tollgate.proto.authz.v1.Permission;
import dev.tollgate.proto.authz.v1.ResourceActionPermission;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tollgate backup} of a real server while two writers create and revoke tokens on it,
 * then the server killed (SIGKILL), {@code tollgate restore} into a new data directory and a
 * server started on it: every create and revoke acknowledged before the backup began holds
 * there, and nothing written after the backup ended is in it. The file is its owner's only,
 * states its schema version and holds no token string.
 */
class BackupRestoreIT {

  private static final Permission READ = Permission.newBuilder().setResourceAction(
      ResourceActionPermission.newBuilder()
          .setResourceType(ResourceActionPermission.ResourceType.RESOURCE_TYPE_DATABASE)
          .setResourceName("db1").setAction(ResourceActionPermission.Action.ACTION_READ)).build();

  @TempDir
  Path work;

  private final List<String> secrets = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, String> ids = new ConcurrentHashMap<>();

  /** A change the server acknowledged, and when (System.nanoTime) the answer came. */
  private record Acked(String token, long at) {}

  /** The acknowledged changes of one kind, which a test can wait on without polling. */
  private static final class AckLog {
    private final List<Acked> acked = new ArrayList<>();

    synchronized void add(Acked change) {
      acked.add(change);
      notifyAll();
    }

    synchronized int size() {
      return acked.size();
    }

    synchronized List<Acked> all() {
      return List.copyOf(acked);
    }

    /** Waits, woken by each change, until there are {@code count}; fails after 60 s. */
    synchronized void await(int count) throws InterruptedException {
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (acked.size() < count) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        assertThat(left).as("%d acknowledged changes within 60 s", count).isPositive();
        wait(left);
      }
    }
  }

  /** Creates tokens and revokes every third one until told to stop; keeps every answer. */
  private final class Writer implements Runnable {
    final ReplicaClient client;
    final AckLog created;
    final AckLog revoked;
    final Set<String> revokeTried;
    final AtomicBoolean stop;
    final AtomicReference<Throwable> failed = new AtomicReference<>();

    Writer(ReplicaClient client, AckLog created, AckLog revoked,
        Set<String> revokeTried, AtomicBoolean stop) {
      this.client = client;
      this.created = created;
      this.revoked = revoked;
      this.revokeTried = revokeTried;
      this.stop = stop;
    }

    @Override
    public void run() {
      List<String> mine = new ArrayList<>();
      try {
        while (!stop.get()) {
          String token = client.create(READ);
          created.add(new Acked(token, System.nanoTime()));
          mine.add(token);
          if (mine.size() % 3 == 0) {
            String victim = mine.get(mine.size() - 2);
            revokeTried.add(victim);
            client.revoke(client.idOf(victim));
            revoked.add(new Acked(victim, System.nanoTime()));
          }
        }
      } catch (StatusRuntimeException e) {
        if (!stop.get()) {
          failed.set(e); // the server was killed after stop was set: that ends a writer quietly
        }
      }
    }
  }

  @Test
  void backupWhileWritersRun_serverKilled_restoredIntoANewDataDirectory_holdsEveryChangeAckedBefore()
      throws Exception {
    Path data = work.resolve("data");
    Path restored = work.resolve("restored");
    Path file = work.resolve("tollgate-backup.zip");
    AckLog created = new AckLog();
    AckLog revoked = new AckLog();
    Set<String> revokeTried = ConcurrentHashMap.newKeySet();
    AtomicBoolean stop = new AtomicBoolean();
    long began;
    long ended;
    TollgateJar.Result backup;
    List<Writer> writers = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    try (TollgateJar.Server server = new TollgateJar.Server(data, work.resolve("serve.log"))) {
      server.start();
      String admin = TokenFile.read(data.resolve("admin-token.json"));
      Path config = TollgateJar.writeConfig(work.resolve("config.toml"),
          server.profile("default", data.resolve("admin-token.json")));
      for (int i = 0; i < 2; i++) {
        Writer writer = new Writer(new ReplicaClient(server.port(), admin, secrets, ids), created,
            revoked, revokeTried, stop);
        writers.add(writer);
        Thread thread = new Thread(writer, "writer-" + i);
        threads.add(thread);
        thread.start();
      }
      created.await(150);
      began = System.nanoTime();
      backup = TollgateJar.cli(work, Map.of(), "--config", config.toString(), "backup",
          file.toString());
      ended = System.nanoTime();
      int atEnd = created.size();
      created.await(atEnd + 30);
      stop.set(true);
      server.kill();
      for (Thread thread : threads) {
        thread.join();
      }
      for (Writer writer : writers) {
        writer.client.close();
        assertThat(writer.failed.get()).as("a write refused before the kill").isNull();
      }
    }

    assertThat(backup.exitCode()).as(backup.stderr()).isZero();
    assertThat(backup.stdout()).contains("schema version | 7", "taken by | bootstrap-admin",
        "Restore it with: tollgate restore " + file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (Stream<Path> left = Files.list(work)) {
      assertThat(left.map(Path::getFileName).map(Path::toString))
          .as("no partial file left beside the backup").noneMatch(name -> name.endsWith(".partial"));
    }
    assertStatesItsSchema_andHoldsNoTokenString(file);

    Files.createDirectories(restored);
    TollgateJar.Result restore = TollgateJar.cli(work, Map.of(), "restore", file.toString(),
        "--data-dir", restored.toString());
    assertThat(restore.exitCode()).as(restore.stderr()).isZero();
    assertThat(restore.stdout()).contains("same").doesNotContain("DIFFERENT")
        .contains("restored backup " + file + " (schema version 7");
    // the one secret a backup does not hold: the operator keeps it beside the backup
    Files.copy(data.resolve("admin-token.json"), restored.resolve("admin-token.json"),
        StandardCopyOption.COPY_ATTRIBUTES);

    try (TollgateJar.Server again = new TollgateJar.Server(restored,
        work.resolve("restored.log")).start();
        ReplicaClient client = new ReplicaClient(again.port(),
            TokenFile.read(restored.resolve("admin-token.json")), secrets, ids)) {
      List<String> wrong = new ArrayList<>();
      int createsChecked = 0;
      for (Acked create : created.all()) {
        if (create.at() < began && !revokeTried.contains(create.token())) {
          createsChecked++;
          if (!client.authorize(create.token(), READ).getValid()) {
            wrong.add("a create acknowledged before the backup began is not valid");
          }
        }
      }
      int revokesChecked = 0;
      for (Acked revoke : revoked.all()) {
        if (revoke.at() < began) {
          revokesChecked++;
          if (client.authorize(revoke.token(), READ).getValid()) {
            wrong.add("a revoke acknowledged before the backup began is undone");
          }
        }
      }
      int afterChecked = 0;
      for (Acked create : created.all()) {
        if (create.at() > ended) {
          afterChecked++;
          if (client.authorize(create.token(), READ).getValid()) {
            wrong.add("a token created after the backup ended is in it");
          }
        }
      }
      System.out.printf("BackupRestoreIT: %d creates and %d revokes acknowledged before the"
          + " backup began checked, %d creates after it ended; %d creates in all%n",
          createsChecked, revokesChecked, afterChecked, created.size());
      assertThat(wrong).isEmpty();
      assertThat(createsChecked).isGreaterThanOrEqualTo(90);
      assertThat(revokesChecked).isPositive();
      assertThat(afterChecked).isPositive();
      assertThat(client.status().getLoaded()).as("the bootstrap admin works there").isTrue();
    }
    String output = Files.readString(work.resolve("serve.log"))
        + Files.readString(work.resolve("restored.log")) + backup.stdout() + backup.stderr()
        + restore.stdout() + restore.stderr();
    secrets.forEach(secret -> TollgateJar.assertNoTokenString(output, secret,
        "the logs and the commands' output"));
  }

  /** The manifest states schema version 7; no entry holds a token string, whole or its secret. */
  private void assertStatesItsSchema_andHoldsNoTokenString(Path file) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      List<String> names = zip.stream().map(ZipEntry::getName).toList();
      assertThat(names).containsExactlyInAnyOrder("tollgate-backup.properties", "tollgate.mv.db");
      for (ZipEntry entry : Collections.list(zip.entries())) {
        String bytes;
        try (InputStream in = zip.getInputStream(entry)) {
          bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        if (entry.getName().endsWith(".properties")) {
          assertThat(bytes).contains("schema-version=7", "taken-by=bootstrap-admin");
        }
        for (String secret : List.copyOf(secrets)) {
          TollgateJar.assertNoTokenString(bytes, secret, "the backup's " + entry.getName());
        }
      }
    }
  }

}
