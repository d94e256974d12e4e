package dev.tollgate.grpc;

import com.google.protobuf.ByteString;
import dev.tollgate.domain.model.Operation;
import dev.tollgate.domain.port.in.BackUpStoreUseCase;
import dev.tollgate.domain.port.out.StoreBackups;
import dev.tollgate.proto.management.v1.BackupEnd;
import dev.tollgate.proto.management.v1.BackupManifest;
import dev.tollgate.proto.management.v1.BackupServiceGrpc;
import dev.tollgate.proto.management.v1.TakeBackupRequest;
import dev.tollgate.proto.management.v1.TakeBackupResponse;
import io.grpc.MethodDescriptor;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/**
 * {@code tollgate.management.v1.BackupService}: the store's backup, streamed as fast as the
 * client reads it and no faster, so that at most a chunk or two of it is held in memory.
 */
final class BackupGrpcService extends BackupServiceGrpc.BackupServiceImplBase {

  /** What the call's use case declares its caller must be allowed, checked before it is read. */
  static final Map<MethodDescriptor<?, ?>, Operation> OPERATIONS = Map.of(
      BackupServiceGrpc.getTakeBackupMethod(), BackUpStoreUseCase.OPERATION);

  /** The largest piece of the file in one message. */
  static final int CHUNK = 64 * 1024;

  private final BackUpStoreUseCase backups;

  BackupGrpcService(BackUpStoreUseCase backups) {
    this.backups = backups;
  }

  @Override
  public void takeBackup(TakeBackupRequest request,
      StreamObserver<TakeBackupResponse> plainObserver) {
    ServerCallStreamObserver<TakeBackupResponse> observer =
        (ServerCallStreamObserver<TakeBackupResponse>) plainObserver;
    StoreBackups.Backup backup;
    try {
      backup = backups.backUp(new BackUpStoreUseCase.Query(CallerContext.current()));
    } catch (RuntimeException e) {
      observer.onError(ErrorMapping.toStatus(e));
      return;
    }
    Sender sender;
    try {
      sender = new Sender(backup, observer);
    } catch (RuntimeException e) {
      backup.close();
      observer.onError(ErrorMapping.toStatus(e));
      return;
    }
    observer.setOnCancelHandler(sender::end);
    observer.setOnReadyHandler(sender::send);
    observer.onNext(TakeBackupResponse.newBuilder().setManifest(BackupManifest.newBuilder()
        .setSchemaVersion(backup.schemaVersion())
        .setTakenAt(ProtoMapper.timestamp(backup.takenAt()))
        .setTakenBy(backup.takenBy())
        .setSizeBytes(backup.size())).build());
    sender.send();
  }

  /** Sends the file while the client keeps up; every call runs on the call's serial executor. */
  private static final class Sender {

    private final StoreBackups.Backup backup;
    private final ServerCallStreamObserver<TakeBackupResponse> observer;
    private final InputStream in;
    private final MessageDigest sha256;
    private final byte[] buffer = new byte[CHUNK];
    private long sent;
    private boolean ended;

    Sender(StoreBackups.Backup backup, ServerCallStreamObserver<TakeBackupResponse> observer) {
      this.backup = backup;
      this.observer = observer;
      try {
        this.in = backup.open();
        this.sha256 = MessageDigest.getInstance("SHA-256");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the backup just taken: " + e.getMessage(), e);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("this JVM has no SHA-256", e);
      }
    }

    void send() {
      try {
        while (!ended && observer.isReady()) {
          int read = in.readNBytes(buffer, 0, CHUNK);
          if (read == 0) {
            observer.onNext(TakeBackupResponse.newBuilder().setEnd(BackupEnd.newBuilder()
                .setSizeBytes(sent).setSha256(ByteString.copyFrom(sha256.digest()))).build());
            end();
            observer.onCompleted();
            return;
          }
          sha256.update(buffer, 0, read);
          sent += read;
          observer.onNext(TakeBackupResponse.newBuilder()
              .setChunk(ByteString.copyFrom(buffer, 0, read)).build());
        }
      } catch (IOException | RuntimeException e) {
        end();
        observer.onError(ErrorMapping.toStatus(e instanceof RuntimeException runtime ? runtime
            : new UncheckedIOException("cannot read the backup being sent", (IOException) e)));
      }
    }

    /** Deletes the backup, once, whether it was sent whole or the client went away. */
    void end() {
      if (!ended) {
        ended = true;
        try {
          in.close();
        } catch (IOException e) {
          // closed anyway; the file is deleted below
        }
        backup.close();
      }
    }
  }
}
