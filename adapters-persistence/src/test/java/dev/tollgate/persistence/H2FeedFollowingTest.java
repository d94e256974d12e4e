package dev.tollgate.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2FeedFollowingTest extends AbstractFeedFollowingTest {

  @TempDir
  Path directory;

  private int opened;

  @Override
  protected DatabaseSettings newDatabase() {
    return TestDatabases.h2(directory.resolve("db-" + opened++));
  }
}
