package dev.tollgate.http;

import dev.tollgate.domain.model.EventPage;
import dev.tollgate.domain.model.IssuedToken;
import dev.tollgate.domain.model.PageCursor;
import dev.tollgate.domain.model.RecordedTokenEvent;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.model.TokenKind;
import dev.tollgate.domain.model.TokenPage;
import dev.tollgate.domain.port.in.GetReplicaStatusUseCase;
import dev.tollgate.domain.port.in.ListDatabaseTokensUseCase;
import dev.tollgate.domain.port.in.ListTokenEventsUseCase;
import dev.tollgate.domain.port.in.RotateTokenUseCase;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the v0 contract lacks, under Tollgate's own prefix: database tokens a page at a time with
 * their last use, database-token rotation, the audit trail, who am I and the replica's status;
 * and, needing no credential, how the console signs in and the API's OpenAPI document.
 */
final class OwnRoutes {

  static final String PREFIX = "/api/tollgate/v1";
  /** The OpenAPI 3.1 document of every path served, as a resource of this package. */
  static final String DOCUMENT = "/api/openapi.yaml";

  private static final Logger LOG = LoggerFactory.getLogger(OwnRoutes.class);

  private final ListDatabaseTokensUseCase list;
  private final RotateTokenUseCase rotate;
  private final ListTokenEventsUseCase events;
  private final GetReplicaStatusUseCase replica;
  private final byte[] document;
  private final byte[] signIn;

  OwnRoutes(ListDatabaseTokensUseCase list, RotateTokenUseCase rotate,
      ListTokenEventsUseCase events, GetReplicaStatusUseCase replica,
      Optional<OAuthSignIn> signIn) {
    this.list = list;
    this.rotate = rotate;
    this.events = events;
    this.replica = replica;
    this.document = document();
    this.signIn = Json.bytes(json -> OwnJson.signIn(json, signIn));
  }

  List<Route> routes() {
    return List.of(
        new Route(PREFIX + "/database-tokens", Map.of("GET", Endpoint.of(
            ListDatabaseTokensUseCase.OPERATION, this::databaseTokens)
            .query("includeRevoked", "pageSize", "pageToken"))),
        new Route(PREFIX + "/database-tokens/{tokenId}/rotate", Map.of("POST", Endpoint.withBody(
            RotateTokenUseCase.operation(TokenKind.DATABASE), this::rotateDatabaseToken))),
        new Route(PREFIX + "/events", Map.of("GET", Endpoint.of(ListTokenEventsUseCase.OPERATION,
            this::events).query("tokenId", "since", "until", "pageSize", "pageToken"))),
        new Route(PREFIX + "/whoami", Map.of("GET", Endpoint.anyCaller(this::whoAmI))),
        new Route(PREFIX + "/replica", Map.of("GET", Endpoint.of(GetReplicaStatusUseCase.OPERATION,
            this::replica))),
        new Route(PREFIX + "/sign-in", Map.of("GET", Endpoint.open(this::signIn))),
        new Route(DOCUMENT, Map.of("GET", Endpoint.open(this::document))));
  }

  /**
   * A page of database tokens, oldest first, with what the v0 list lacks (last use, the
   * previous string's end, who made and revoked each) and the token of the next page if any.
   */
  private void databaseTokens(Call call) {
    TokenPage page = list.list(new ListDatabaseTokensUseCase.Query(call.caller(),
        call.flag("includeRevoked"),
        call.query("pageToken").map(token -> PageCursor.decode("pageToken", token)),
        call.pageSize()));
    Answers.json(call.response(), call.callback(), 200, Json.bytes(json -> {
      json.writeStartObject();
      json.writeArrayFieldStart("databaseTokens");
      for (Token token : page.tokens()) {
        OwnJson.databaseToken(json, token);
      }
      json.writeEndArray();
      if (page.next().isPresent()) {
        json.writeStringField("nextPageToken", page.next().get().encode());
      }
      json.writeEndObject();
    }));
  }

  /** The database token with its new string, in the v0 shape, shown this once. */
  private void rotateDatabaseToken(Call call) {
    IssuedToken issued = rotate.rotate(TokenRequests.rotate(call.caller(), TokenKind.DATABASE,
        call.tokenId("database token"), call.body()));
    LOG.info("rotated database token {} by {}", issued.token().id(), call.caller().subject());
    call.response().getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    Answers.json(call.response(), call.callback(), 200, Json.token(issued.token(),
        Optional.of(issued.secret().value()), Optional.empty()));
  }

  /** A page of the audit trail, oldest first, with the token of the next page if any. */
  private void events(Call call) {
    Optional<TokenId> token = call.query("tokenId").map(id -> TokenId.parse("tokenId", id));
    EventPage page = events.list(new ListTokenEventsUseCase.Query(call.caller(), token,
        call.query("since").map(at -> TokenRequests.instant("since", at)),
        call.query("until").map(at -> TokenRequests.instant("until", at)),
        EventPage.after("pageToken", call.query("pageToken").orElse("")), call.pageSize()));
    Answers.json(call.response(), call.callback(), 200, Json.bytes(json -> {
      json.writeStartObject();
      json.writeArrayFieldStart("events");
      for (RecordedTokenEvent event : page.events()) {
        OwnJson.event(json, event);
      }
      json.writeEndArray();
      if (page.next().isPresent()) {
        json.writeStringField("nextPageToken", EventPage.pageToken(page.next().get()));
      }
      json.writeEndObject();
    }));
  }

  private void whoAmI(Call call) {
    Answers.json(call.response(), call.callback(), 200,
        Json.bytes(json -> OwnJson.whoAmI(json, call.caller(), call.expiresAt())));
  }

  private void replica(Call call) {
    GetReplicaStatusUseCase.ReplicaStatus status =
        replica.status(new GetReplicaStatusUseCase.Query(call.caller()));
    Answers.json(call.response(), call.callback(), 200,
        Json.bytes(json -> OwnJson.replicaStatus(json, status)));
  }

  /** How the console signs a person in: the identity provider's endpoints, or none. */
  private void signIn(Call call) {
    Answers.json(call.response(), call.callback(), 200, signIn);
  }

  private void document(Call call) {
    call.response().setStatus(200);
    call.response().getHeaders().put(HttpHeader.CONTENT_TYPE, "application/yaml");
    call.response().write(true, ByteBuffer.wrap(document), call.callback());
  }

  /** The OpenAPI document, from this package's resources. */
  static byte[] document() {
    return Answers.resource("openapi.yaml");
  }

}
