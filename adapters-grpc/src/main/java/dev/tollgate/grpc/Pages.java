package dev.tollgate.grpc;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import dev.tollgate.domain.model.PageCursor;
import dev.tollgate.domain.model.Token;
import dev.tollgate.domain.model.TokenPage;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** List answers a page at a time, each far below the gRPC message limit. */
final class Pages {

  /** At most this many bytes of tokens in one answer: a quarter of gRPC's default 4 MiB limit. */
  static final int RESPONSE_BUDGET = 1 << 20;

  private Pages() {}

  /** Where the requested page starts: after the page token, or at the first token. */
  static Optional<PageCursor> after(String pageToken) {
    return pageToken.isEmpty() ? Optional.empty()
        : Optional.of(PageCursor.decode("page_token", pageToken));
  }

  /**
   * Adds the page's tokens to the answer until the next would take it past
   * {@link #RESPONSE_BUDGET} (one token always fits: limits keep a token small), and returns the
   * next page token: where the page was cut, else the page's own, else empty.
   */
  static <M extends MessageLite> String fill(TokenPage page, Function<Token, M> toProto,
      Consumer<M> add) {
    long bytes = 0;
    Token last = null;
    for (Token token : page.tokens()) {
      M message = toProto.apply(token);
      int size = CodedOutputStream.computeMessageSize(1, message);
      if (last != null && bytes + size > RESPONSE_BUDGET) {
        return PageCursor.after(last).encode();
      }
      add.accept(message);
      bytes += size;
      last = token;
    }
    return page.next().map(PageCursor::encode).orElse("");
  }
}
