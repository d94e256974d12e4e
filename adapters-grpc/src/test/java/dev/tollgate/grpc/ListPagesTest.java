package dev.tollgate.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.domain.model.Limits;
import dev.tollgate.domain.model.TokenPage;
import dev.tollgate.domain.port.out.IdentityProvider;
import dev.tollgate.proto.management.v1.CreateDatabaseTokenRequest;
import dev.tollgate.proto.management.v1.CreateManagementTokenRequest;
import dev.tollgate.proto.management.v1.DatabasePermission;
import dev.tollgate.proto.management.v1.DatabaseToken;
import dev.tollgate.proto.management.v1.DatabaseTokenServiceGrpc;
import dev.tollgate.proto.management.v1.ListDatabaseTokensRequest;
import dev.tollgate.proto.management.v1.ListDatabaseTokensResponse;
import dev.tollgate.proto.management.v1.ListManagementTokensRequest;
import dev.tollgate.proto.management.v1.ListManagementTokensResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ListPagesTest {

  private InProcessTollgate server;
  private DatabaseTokenServiceGrpc.DatabaseTokenServiceBlockingStub tokens;

  @BeforeEach
  void start() throws Exception {
    server = new InProcessTollgate(IdentityProvider.NONE);
    tokens = server.databaseTokensAs(server.bootstrapAdmin.value());
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private String createWithMostPermissions(int n) {
    CreateDatabaseTokenRequest.Builder request = CreateDatabaseTokenRequest.newBuilder()
        .setDescription("big " + n);
    for (int i = 0; i < Limits.DEFAULT; i++) {
      request.addPermissions(DatabasePermission.newBuilder().setAction("write")
          .setResource("database-with-a-long-name-" + i));
    }
    return tokens.createDatabaseToken(request.build()).getToken().getId();
  }

  @Test
  void tokensTooBigForOneAnswer_pages_stayUnderTheBudgetAndListEachOnceInOrder() {
    List<String> created = new ArrayList<>();
    for (int n = 0; n < 40; n++) {
      created.add(createWithMostPermissions(n));
    }

    List<String> listed = new ArrayList<>();
    int pages = 0;
    String pageToken = "";
    do {
      ListDatabaseTokensResponse page = tokens.listDatabaseTokens(
          ListDatabaseTokensRequest.newBuilder().setPageToken(pageToken).build());
      assertThat(page.getSerializedSize()).isLessThanOrEqualTo(Pages.RESPONSE_BUDGET + 100);
      page.getTokensList().stream().map(DatabaseToken::getId).forEach(listed::add);
      pageToken = page.getNextPageToken();
      pages++;
    } while (!pageToken.isEmpty());

    assertThat(pages).isGreaterThan(1);
    assertThat(listed).containsExactlyElementsOf(created);
  }

  @Test
  void pageSize_isHonouredAndCapped_badPageTokenIsInvalidArgument() {
    var management = server.managementAs(server.bootstrapAdmin.value());
    for (int i = 0; i < 5; i++) {
      management.createManagementToken(CreateManagementTokenRequest.newBuilder()
          .setDescription("m" + i).build());
    }

    ListManagementTokensResponse first = management.listManagementTokens(
        ListManagementTokensRequest.newBuilder().setPageSize(2).build());
    ListManagementTokensResponse rest = management.listManagementTokens(
        ListManagementTokensRequest.newBuilder().setPageSize(TokenPage.MAX_SIZE * 10)
            .setPageToken(first.getNextPageToken()).build());
    Set<String> all = new HashSet<>();
    first.getTokensList().forEach(t -> all.add(t.getId()));
    rest.getTokensList().forEach(t -> all.add(t.getId()));

    assertThat(first.getTokensCount()).isEqualTo(2);
    assertThat(first.getNextPageToken()).isNotEmpty();
    assertThat(rest.getTokensCount()).isEqualTo(3);
    assertThat(rest.getNextPageToken()).isEmpty();
    assertThat(all).hasSize(5);
    StatusRuntimeException bad = catchThrowableOfType(() -> management.listManagementTokens(
        ListManagementTokensRequest.newBuilder().setPageToken("forged").build()),
        StatusRuntimeException.class);
    assertThat(bad.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(bad.getStatus().getDescription()).startsWith("page_token: \"forged\" is not a page"
        + " token this server gave");
  }
}
