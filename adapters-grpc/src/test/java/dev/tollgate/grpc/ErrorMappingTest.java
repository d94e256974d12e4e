package dev.tollgate.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.domain.model.ConflictException;
import dev.tollgate.domain.model.NotFoundException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;

class ErrorMappingTest {

  @Test
  void unexpectedException_toStatus_isInternalWithAnErrorIdOnly() {
    StatusRuntimeException status = ErrorMapping.toStatus(
        new IllegalStateException("connection to db.internal:5432 refused"));

    assertThat(status.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(status.getStatus().getDescription())
        .matches("internal error; error id [0-9a-f-]{36}")
        .doesNotContain("db.internal");
  }

  @Test
  void refusals_toStatus_keepTheirMessageAndCode() {
    assertThat(ErrorMapping.toStatus(new NotFoundException("no such token")).getStatus())
        .satisfies(s -> {
          assertThat(s.getCode()).isEqualTo(Status.Code.NOT_FOUND);
          assertThat(s.getDescription()).isEqualTo("no such token");
        });
    assertThat(ErrorMapping.toStatus(new ConflictException("revoked")).getStatus().getCode())
        .isEqualTo(Status.Code.FAILED_PRECONDITION);
  }

  @Test
  void nestedCause_oneLine_hasNoLineBreaks() {
    String line = dev.tollgate.net.ErrorLines.oneLine(new RuntimeException("outer\nline", new Exception("inner")));

    assertThat(line).doesNotContain("\n").contains("caused by java.lang.Exception: inner");
  }
}
