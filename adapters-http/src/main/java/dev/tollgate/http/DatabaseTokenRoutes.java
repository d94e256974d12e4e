package dev.tollgate.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tollgate.domain.model.IssuedToken;
import dev.tollgate.domain.model.NotFoundException;
import dev.tollgate.domain.model.PageCursor;
import dev.tollgate.domain.model.Revocation;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenPage;
import dev.tollgate.domain.port.in.CreateDatabaseTokenUseCase;
import dev.tollgate.domain.port.in.GetDatabaseTokenUseCase;
import dev.tollgate.domain.port.in.ListDatabaseTokensUseCase;
import dev.tollgate.domain.port.in.RevokeDatabaseTokensUseCase;
import dev.tollgate.domain.port.in.UpdateDatabaseTokenUseCase;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The v0 database-token paths, {@code /api/v0/tokens} and {@code /api/v0/tokens/{tokenId}}, and
 * the same under {@code /api/v0/accounts/{accountId}/clusters/{clusterId}}, whose token objects
 * also carry the two ids.
 */
final class DatabaseTokenRoutes {

  static final String V0 = "/api/v0";
  /** The Cloud Dedicated form of the same paths. */
  static final String CLUSTER_V0 = V0 + "/accounts/{accountId}/clusters/{clusterId}";
  static final String TOKENS = V0 + "/tokens";

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseTokenRoutes.class);

  private final CreateDatabaseTokenUseCase create;
  private final ListDatabaseTokensUseCase list;
  private final GetDatabaseTokenUseCase get;
  private final UpdateDatabaseTokenUseCase update;
  private final RevokeDatabaseTokensUseCase revoke;

  DatabaseTokenRoutes(CreateDatabaseTokenUseCase create, ListDatabaseTokensUseCase list,
      GetDatabaseTokenUseCase get, UpdateDatabaseTokenUseCase update,
      RevokeDatabaseTokensUseCase revoke) {
    this.create = create;
    this.list = list;
    this.get = get;
    this.update = update;
    this.revoke = revoke;
  }

  /** The v0 paths, in both their forms. */
  List<Route> routes() {
    List<Route> routes = new ArrayList<>();
    for (String prefix : List.of(V0, CLUSTER_V0)) {
      Map<String, Endpoint> collection = new LinkedHashMap<>();
      collection.put("GET", Endpoint.of(ListDatabaseTokensUseCase.OPERATION, this::list));
      collection.put("POST", Endpoint.withBody(CreateDatabaseTokenUseCase.OPERATION, this::create));
      routes.add(new Route(prefix + "/tokens", collection));
      Map<String, Endpoint> item = new LinkedHashMap<>();
      item.put("GET", Endpoint.of(GetDatabaseTokenUseCase.OPERATION, this::get));
      item.put("PATCH", Endpoint.withBody(UpdateDatabaseTokenUseCase.OPERATION, this::update));
      item.put("DELETE", Endpoint.of(RevokeDatabaseTokensUseCase.OPERATION, this::revoke));
      routes.add(new Route(prefix + "/tokens/{tokenId}", item));
    }
    return routes;
  }

  /** Every token, revoked ones too, as a bare array written a page at a time. */
  private void list(Call call) throws Exception {
    // the first page before any byte: a refusal there is still a proper error answer
    TokenPage page = list.list(new ListDatabaseTokensUseCase.Query(call.caller(), true));
    call.response().setStatus(200);
    call.response().getHeaders().put(HttpHeader.CONTENT_TYPE, Answers.JSON);
    try (OutputStream out = Content.Sink.asOutputStream(call.response());
        JsonGenerator json = Json.generator(out)) {
      json.writeStartArray();
      while (true) {
        for (Token token : page.tokens()) {
          Json.token(json, token, Optional.empty(), call.cluster());
        }
        Optional<PageCursor> next = page.next();
        if (next.isEmpty()) {
          break;
        }
        page = list.list(new ListDatabaseTokensUseCase.Query(call.caller(), true, next, 0));
      }
      json.writeEndArray();
    }
    call.callback().succeeded();
  }

  private void create(Call call) {
    IssuedToken issued = create.create(TokenRequests.create(call.caller(), call.body()));
    LOG.info("created database token {} by {}", issued.token().id(), call.caller().subject());
    call.response().getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    Answers.json(call.response(), call.callback(), 200,
        Json.token(issued.token(), Optional.of(issued.secret().value()), call.cluster()));
  }

  private void get(Call call) {
    Token token = get.get(new GetDatabaseTokenUseCase.Query(call.caller(), call.tokenId("database token"), true));
    Answers.json(call.response(), call.callback(), 200, Json.token(token, Optional.empty(), call.cluster()));
  }

  private void update(Call call) {
    Token token = update.update(TokenRequests.update(call.caller(), call.tokenId("database token"), call.body()));
    Answers.json(call.response(), call.callback(), 200, Json.token(token, Optional.empty(), call.cluster()));
  }

  /** Deleting is revoking: the token stays listed with its revokedAt. */
  private void revoke(Call call) {
    List<Revocation> outcomes = revoke.revoke(
        new RevokeDatabaseTokensUseCase.Command(call.caller(), List.of(call.tokenId("database token"))));
    Revocation outcome = outcomes.get(0);
    if (outcome.token().isEmpty()) {
      throw new NotFoundException("no database token has the id " + outcome.id());
    }
    LOG.info("revoke database token {} by {}: {}", outcome.id(), call.caller().subject(),
        outcome.outcome());
    Answers.empty(call.response(), call.callback(), 204);
  }
}
