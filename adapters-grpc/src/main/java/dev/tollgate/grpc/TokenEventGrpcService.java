package dev.tollgate.grpc;

import java.util.Map;

import io.grpc.MethodDescriptor;

import com.google.protobuf.CodedOutputStream;
import dev.tollgate.domain.model.Caller;
import dev.tollgate.domain.model.EventPage;
import dev.tollgate.domain.model.InvalidRequestException;
import dev.tollgate.domain.model.Operation;
import dev.tollgate.domain.model.RecordedTokenEvent;
import dev.tollgate.domain.model.TokenId;
import dev.tollgate.domain.port.in.ListTokenEventsUseCase;
import dev.tollgate.proto.management.v1.ListTokenEventsRequest;
import dev.tollgate.proto.management.v1.ListTokenEventsResponse;
import dev.tollgate.proto.management.v1.TokenEvent;
import dev.tollgate.proto.management.v1.TokenEventServiceGrpc;
import io.grpc.stub.StreamObserver;
import java.util.Optional;

/** {@code tollgate.management.v1.TokenEventService}: the audit trail, a page at a time. */
final class TokenEventGrpcService extends TokenEventServiceGrpc.TokenEventServiceImplBase {

  /** What the call's use case declares its caller must be allowed, checked before it is read. */
  static final Map<MethodDescriptor<?, ?>, Operation> OPERATIONS = Map.of(
      TokenEventServiceGrpc.getListTokenEventsMethod(), ListTokenEventsUseCase.OPERATION);

  /** Page tokens of the audit trail: this prefix and the sequence number the page starts after. */
  private final ListTokenEventsUseCase events;

  TokenEventGrpcService(ListTokenEventsUseCase events) {
    this.events = events;
  }

  @Override
  public void listTokenEvents(ListTokenEventsRequest request,
      StreamObserver<ListTokenEventsResponse> observer) {
    ErrorMapping.respond(observer, () -> {
      Caller caller = CallerContext.current();
      Optional<TokenId> token = request.getTokenId().isBlank() ? Optional.empty()
          : Optional.of(TokenId.parse("token_id", request.getTokenId().strip()));
      EventPage page = events.list(new ListTokenEventsUseCase.Query(caller,
          token, ProtoMapper.instant("since", request.hasSince(), request.getSince()),
          ProtoMapper.instant("until", request.hasUntil(), request.getUntil()),
          EventPage.after("page_token", request.getPageToken()), request.getPageSize()));
      ListTokenEventsResponse.Builder response = ListTokenEventsResponse.newBuilder();
      long bytes = 0;
      RecordedTokenEvent last = null;
      for (RecordedTokenEvent event : page.events()) {
        TokenEvent proto = ProtoMapper.tokenEvent(event);
        int size = CodedOutputStream.computeMessageSize(1, proto);
        if (last != null && bytes + size > Pages.RESPONSE_BUDGET) {
          return response.setNextPageToken(EventPage.pageToken(last.seq())).build();
        }
        response.addEvents(proto);
        bytes += size;
        last = event;
      }
      return response.setNextPageToken(page.next().map(EventPage::pageToken).orElse(""))
          .build();
    });
  }
}
