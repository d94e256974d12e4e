package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.main.Main;
import dev.tollgate.proto.management.v1.DatabaseTokenServiceGrpc;
import dev.tollgate.proto.management.v1.GetDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.GetDatabaseTokenResponse;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code token get} against a server that knows no token: what it asks, and what it says. */
class TokenGetTest {

  private static final String ID = "3f0c7a52-1111-2222-3333-444455556666";

  @TempDir
  Path work;

  private final List<GetDatabaseTokenRequest> asked = new CopyOnWriteArrayList<>();
  private Server server;
  private Path config;

  @BeforeEach
  void startAServerThatKnowsNoToken() throws Exception {
    server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
        .addService(new DatabaseTokenServiceGrpc.DatabaseTokenServiceImplBase() {
          @Override
          public void getDatabaseToken(GetDatabaseTokenRequest request,
              StreamObserver<GetDatabaseTokenResponse> answer) {
            asked.add(request);
            answer.onError(Status.NOT_FOUND.withDescription("no database token with id "
                + request.getId()).asRuntimeException());
          }
        }).build().start();
    Path token = Files.writeString(work.resolve("token"), "M.V1.not-a-real-token");
    config = Files.writeString(work.resolve("config.toml"), "[[profile]]\nname = \"default\"\n"
        + "host = \"127.0.0.1\"\nport = \"" + server.getPort() + "\"\n[profile.tls]\n"
        + "disable = true\n[profile.auth.token]\ntoken_file = \"" + token + "\"\n");
    Files.setPosixFilePermissions(config,
        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
  }

  @AfterEach
  void stop() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void unknownId_get_asksOnceAndSaysSoInOneLine() {
    StringWriter err = new StringWriter();
    String[] args = {"--config", config.toString(), "token", "get", ID};

    int exitCode = Main.commandLine(false, args).setErr(new PrintWriter(err)).execute(args);

    assertThat(exitCode).isEqualTo(1);
    assertThat(asked).as("GetDatabaseToken calls, each a line of the server's log").hasSize(1);
    assertThat(err.toString().strip()).isEqualTo("Error: no database token with id " + ID);
  }
}
