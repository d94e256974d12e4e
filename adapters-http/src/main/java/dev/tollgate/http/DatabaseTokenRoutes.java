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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The v0 database-token paths: {@code /api/v0/tokens} and {@code /api/v0/tokens/{tokenId}}. */
final class DatabaseTokenRoutes {

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

  /** The endpoints of the collection path, by method. */
  Map<String, Endpoint> collection() {
    Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    endpoints.put("GET", new Endpoint(ListDatabaseTokensUseCase.OPERATION, false, this::list));
    endpoints.put("POST", new Endpoint(CreateDatabaseTokenUseCase.OPERATION, true, this::create));
    return endpoints;
  }

  /** The endpoints of one token's path, by method. */
  Map<String, Endpoint> item() {
    Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    endpoints.put("GET", new Endpoint(GetDatabaseTokenUseCase.OPERATION, false, this::get));
    endpoints.put("PATCH", new Endpoint(UpdateDatabaseTokenUseCase.OPERATION, true, this::update));
    endpoints.put("DELETE", new Endpoint(RevokeDatabaseTokensUseCase.OPERATION, false,
        this::revoke));
    return endpoints;
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
          Json.token(json, token, Optional.empty());
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
        Json.token(issued.token(), Optional.of(issued.secret().value())));
  }

  private void get(Call call) {
    Token token = get.get(new GetDatabaseTokenUseCase.Query(call.caller(), call.tokenId(), true));
    Answers.json(call.response(), call.callback(), 200, Json.token(token, Optional.empty()));
  }

  private void update(Call call) {
    Token token = update.update(TokenRequests.update(call.caller(), call.tokenId(), call.body()));
    Answers.json(call.response(), call.callback(), 200, Json.token(token, Optional.empty()));
  }

  /** Deleting is revoking: the token stays listed with its revokedAt. */
  private void revoke(Call call) {
    List<Revocation> outcomes = revoke.revoke(
        new RevokeDatabaseTokensUseCase.Command(call.caller(), List.of(call.tokenId())));
    Revocation outcome = outcomes.get(0);
    if (outcome.token().isEmpty()) {
      throw new NotFoundException("no database token has the id " + outcome.id());
    }
    LOG.info("revoke database token {} by {}: {}", outcome.id(), call.caller().subject(),
        outcome.outcome());
    Answers.empty(call.response(), call.callback(), 204);
  }
}
