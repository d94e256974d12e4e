package dev.tollgate.persistence;

class PostgresFeedFollowingTest extends AbstractFeedFollowingTest {

  @Override
  protected DatabaseSettings newDatabase() {
    return TestDatabases.freshPostgres();
  }
}
