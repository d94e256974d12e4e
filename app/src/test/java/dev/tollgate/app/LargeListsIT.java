package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import dev.tollgate.files.TokenFile;
import dev.tollgate.proto.management.v1.CreateDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.CreateManagementTokenRequest;
import dev.tollgate.proto.management.v1.DatabasePermission;
import dev.tollgate.proto.management.v1.DatabaseTokenServiceGrpc;
import dev.tollgate.proto.management.v1.ListDatabaseTokensRequest;
import dev.tollgate.proto.management.v1.ListDatabaseTokensResponse;
import dev.tollgate.proto.management.v1.ListManagementTokensRequest;
import dev.tollgate.proto.management.v1.ListManagementTokensResponse;
import dev.tollgate.proto.management.v1.ManagementTokenServiceGrpc;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 20,000 tokens, 4,000 of them management tokens with 1,024-character descriptions (together
 * 4.5 MB, past a client's 4 MiB limit in one answer): every one is listed, through gRPC a page at
 * a time and through the command line.
 */
class LargeListsIT {

  private static final int MANAGEMENT = 4_000;
  private static final int DATABASE = 16_000;

  @TempDir
  Path work;

  @Test
  void twentyThousandTokens_listedThroughGrpcAndTheCommandLine_eachOnce() throws Exception {
    try (TollgateJar.Server server = new TollgateJar.Server(work.resolve("data"),
        work.resolve("server.log")).start()) {
      String admin = TokenFile.read(work.resolve("data/admin-token.json"));
      ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.port())
          .usePlaintext().build();
      try {
        CallCredentials bearer = TollgateJar.bearer(admin);
        var management = ManagementTokenServiceGrpc.newFutureStub(channel)
            .withCallCredentials(bearer);
        var database = DatabaseTokenServiceGrpc.newFutureStub(channel).withCallCredentials(bearer);
        String longDescription = "d".repeat(1_024);
        List<ListenableFuture<?>> inFlight = new ArrayList<>();
        for (int i = 0; i < MANAGEMENT + DATABASE; i++) {
          inFlight.add(i < MANAGEMENT
              ? management.createManagementToken(CreateManagementTokenRequest.newBuilder()
                  .setDescription(longDescription).build())
              : database.createDatabaseToken(CreateDatabaseTokenRequest.newBuilder()
                  .setDescription("db token " + i).addPermissions(DatabasePermission.newBuilder()
                      .setAction("read").setResource("db" + (i % 100))).build()));
          if (inFlight.size() == 32) {
            Futures.allAsList(inFlight).get(60, TimeUnit.SECONDS);
            inFlight.clear();
          }
        }
        Futures.allAsList(inFlight).get(60, TimeUnit.SECONDS);

        Set<String> managementIds = new HashSet<>();
        int managementPages = 0;
        String pageToken = "";
        do {
          ListManagementTokensResponse page = ManagementTokenServiceGrpc.newBlockingStub(channel)
              .withCallCredentials(bearer).listManagementTokens(ListManagementTokensRequest
                  .newBuilder().setPageToken(pageToken).build());
          page.getTokensList().forEach(token -> assertThat(managementIds.add(token.getId()))
              .as("listed once").isTrue());
          pageToken = page.getNextPageToken();
          managementPages++;
        } while (!pageToken.isEmpty());
        Set<String> databaseIds = new HashSet<>();
        pageToken = "";
        do {
          ListDatabaseTokensResponse page = DatabaseTokenServiceGrpc.newBlockingStub(channel)
              .withCallCredentials(bearer).listDatabaseTokens(ListDatabaseTokensRequest
                  .newBuilder().setPageToken(pageToken).build());
          page.getTokensList().forEach(token -> assertThat(databaseIds.add(token.getId()))
              .as("listed once").isTrue());
          pageToken = page.getNextPageToken();
        } while (!pageToken.isEmpty());

        assertThat(managementIds).hasSize(MANAGEMENT);
        assertThat(managementPages).isGreaterThan(MANAGEMENT / 1_000);
        assertThat(databaseIds).hasSize(DATABASE);
      } finally {
        channel.shutdownNow();
      }

      TollgateJar.writeConfig(work.resolve("config.toml"),
          server.profile("default", work.resolve("data/admin-token.json")));
      Map<String, String> env = Map.of("TOLLGATE_CONFIG", work.resolve("config.toml").toString());
      TollgateJar.Result managementList = TollgateJar.cli(work, env, "management", "list",
          "--format", "json");
      TollgateJar.Result tokenList = TollgateJar.cli(work, env, "token", "list", "--format",
          "json");
      TollgateJar.Result tokenTable = TollgateJar.cli(work, env, "token", "list");

      assertThat(managementList.exitCode()).as(managementList.stderr()).isZero();
      assertThat(tokenList.exitCode()).as(tokenList.stderr()).isZero();
      ObjectMapper json = new ObjectMapper();
      JsonNode managementTokens = json.readTree(managementList.stdout());
      JsonNode databaseTokens = json.readTree(tokenList.stdout());
      assertThat(managementTokens.size()).isEqualTo(MANAGEMENT);
      assertThat(databaseTokens.size()).isEqualTo(DATABASE);
      assertThat(tokenTable.exitCode()).as(tokenTable.stderr()).isZero();
      assertThat(tokenTable.stdout().lines().filter(line -> line.contains("db token "))).hasSize(
          DATABASE);
      assertThat(tokenTable.stdout().lines().filter(line -> line.startsWith("| ID ")))
          .as("one header for every page").hasSize(1);
    }
  }

}
