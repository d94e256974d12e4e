package dev.tollgate.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.domain.model.ConflictException;
import dev.tollgate.domain.model.InvalidRequestException;
import dev.tollgate.domain.model.NotAllowedException;
import dev.tollgate.domain.model.NotFoundException;
import dev.tollgate.domain.model.UnavailableException;
import org.junit.jupiter.api.Test;

class ErrorMappingTest {

  @Test
  void domainRefusals_toRefusal_keepTheirMessageUnderTheGrpcFamiliesStatus() {
    assertThat(ErrorMapping.toRefusal(new NotFoundException("no such token")))
        .isEqualTo(new ErrorMapping.Refusal(404, "no such token"));
    assertThat(ErrorMapping.toRefusal(new NotAllowedException("may not")))
        .isEqualTo(new ErrorMapping.Refusal(403, "may not"));
    assertThat(ErrorMapping.toRefusal(new ConflictException("revoked")))
        .isEqualTo(new ErrorMapping.Refusal(409, "revoked"));
    assertThat(ErrorMapping.toRefusal(new UnavailableException("store down")))
        .isEqualTo(new ErrorMapping.Refusal(503, "store down"));
    assertThat(ErrorMapping.toRefusal(new HttpError(415, "not JSON")))
        .isEqualTo(new ErrorMapping.Refusal(415, "not JSON"));
  }

  @Test
  void invalidRequest_toRefusal_is400NamingTheFieldInCamelCase() {
    assertThat(ErrorMapping.toRefusal(new InvalidRequestException("expires_at", "is in the past")))
        .isEqualTo(new ErrorMapping.Refusal(400, "expiresAt: is in the past"));
    assertThat(ErrorMapping.toRefusal(
        new InvalidRequestException("permissions[0].action", "bad")).message())
        .isEqualTo("permissions[0].action: bad");
  }

  @Test
  void unexpectedFailure_toRefusal_is500WithAnErrorIdAndNothingElse() {
    ErrorMapping.Refusal refusal =
        ErrorMapping.toRefusal(new IllegalStateException("secret detail"));

    assertThat(refusal.status()).isEqualTo(500);
    assertThat(refusal.message()).matches("internal error; error id [0-9a-f-]{36}");
  }
}
