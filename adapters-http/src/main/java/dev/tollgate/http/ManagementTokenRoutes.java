package dev.tollgate.http;

import dev.tollgate.domain.model.IssuedToken;
import dev.tollgate.domain.model.NotFoundException;
import dev.tollgate.domain.model.PageCursor;
import dev.tollgate.domain.model.Revocation;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.model.TokenPage;
import dev.tollgate.domain.port.in.CreateManagementTokenUseCase;
import dev.tollgate.domain.port.in.GetManagementTokenUseCase;
import dev.tollgate.domain.port.in.ListManagementTokensUseCase;
import dev.tollgate.domain.port.in.RevokeManagementTokensUseCase;
import dev.tollgate.domain.port.in.RotateTokenUseCase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tollgate's management tokens over HTTP, which the v0 contract lacks: create, list a page at a
 * time, get, revoke (DELETE, which keeps the token listed as revoked) and rotate.
 */
final class ManagementTokenRoutes {

  static final String TOKENS = OwnRoutes.PREFIX + "/management-tokens";

  private static final Logger LOG = LoggerFactory.getLogger(ManagementTokenRoutes.class);
  private static final String KIND = "management token";

  private final CreateManagementTokenUseCase create;
  private final ListManagementTokensUseCase list;
  private final GetManagementTokenUseCase get;
  private final RevokeManagementTokensUseCase revoke;
  private final RotateTokenUseCase rotate;

  ManagementTokenRoutes(CreateManagementTokenUseCase create, ListManagementTokensUseCase list,
      GetManagementTokenUseCase get, RevokeManagementTokensUseCase revoke,
      RotateTokenUseCase rotate) {
    this.create = create;
    this.list = list;
    this.get = get;
    this.revoke = revoke;
    this.rotate = rotate;
  }

  List<Route> routes() {
    Map<String, Endpoint> collection = new LinkedHashMap<>();
    collection.put("GET", Endpoint.of(ListManagementTokensUseCase.OPERATION, this::list)
        .query("pageSize", "pageToken"));
    collection.put("POST", Endpoint.withBody(CreateManagementTokenUseCase.OPERATION,
        this::create));
    Map<String, Endpoint> item = new LinkedHashMap<>();
    item.put("GET", Endpoint.of(GetManagementTokenUseCase.OPERATION, this::get));
    item.put("DELETE", Endpoint.of(RevokeManagementTokensUseCase.OPERATION, this::revoke));
    return List.of(new Route(TOKENS, collection), new Route(TOKENS + "/{tokenId}", item),
        new Route(TOKENS + "/{tokenId}/rotate", Map.of("POST", Endpoint.withBody(
            RotateTokenUseCase.operation(TokenKind.MANAGEMENT), this::rotate))));
  }

  /** A page of management tokens, oldest first, with the token of the next page if any. */
  private void list(Call call) {
    TokenPage page = list.list(new ListManagementTokensUseCase.Query(call.caller(),
        call.query("pageToken").map(token -> PageCursor.decode("pageToken", token)),
        call.pageSize()));
    Answers.json(call.response(), call.callback(), 200, Json.bytes(json -> {
      json.writeStartObject();
      json.writeArrayFieldStart("managementTokens");
      for (Token token : page.tokens()) {
        OwnJson.managementToken(json, token, Optional.empty());
      }
      json.writeEndArray();
      if (page.next().isPresent()) {
        json.writeStringField("nextPageToken", page.next().get().encode());
      }
      json.writeEndObject();
    }));
  }

  private void create(Call call) {
    IssuedToken issued = create.create(TokenRequests.createManagement(call.caller(), call.body()));
    LOG.info("created management token {} by {}", issued.token().id(), call.caller().subject());
    issuedAnswer(call, issued);
  }

  private void get(Call call) {
    Token token = get.get(new GetManagementTokenUseCase.Query(call.caller(), call.tokenId(KIND)));
    Answers.json(call.response(), call.callback(), 200,
        Json.bytes(json -> OwnJson.managementToken(json, token, Optional.empty())));
  }

  private void revoke(Call call) {
    Revocation outcome = revoke.revoke(new RevokeManagementTokensUseCase.Command(call.caller(),
        List.of(call.tokenId(KIND)))).get(0);
    if (outcome.token().isEmpty()) {
      throw new NotFoundException("no management token has the id " + outcome.id());
    }
    LOG.info("revoke management token {} by {}: {}", outcome.id(), call.caller().subject(),
        outcome.outcome());
    Answers.empty(call.response(), call.callback(), 204);
  }

  private void rotate(Call call) {
    IssuedToken issued = rotate.rotate(TokenRequests.rotate(call.caller(), TokenKind.MANAGEMENT,
        call.tokenId(KIND), call.body()));
    LOG.info("rotated management token {} by {}", issued.token().id(), call.caller().subject());
    issuedAnswer(call, issued);
  }

  /** The token with its new string, shown this once and never kept by a cache. */
  private static void issuedAnswer(Call call, IssuedToken issued) {
    call.response().getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    Answers.json(call.response(), call.callback(), 200, Json.bytes(json ->
        OwnJson.managementToken(json, issued.token(), Optional.of(issued.secret().value()))));
  }
}
