package com.siali.label.server.throttle;

import com.siali.label.persistence.DataDirectory;
import com.siali.label.persistence.Database;
import com.siali.label.persistence.ThrottleCounterRepository;
import com.siali.label.service.AttemptCounters;
import com.siali.label.testing.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The throttles' counters on a test database, and more nodes' views of the same database: on
 * PostgreSQL each node opens it itself (as another process would); on H2, which one process opens,
 * the nodes share the one {@link Database}.
 */
final class CounterStore implements AutoCloseable {
  private final Path dataDir;
  private final Database first;
  private final List<Database> opened = new ArrayList<>();

  CounterStore(Path dataDir) {
    this.dataDir = dataDir;
    first = TestDatabases.open(DataDirectory.open(dataDir));
    opened.add(first);
  }

  AttemptCounters counters() {
    return new AttemptCounters(first, new ThrottleCounterRepository());
  }

  /** The counters as another server node on the same database sees them. */
  AttemptCounters anotherNode() {
    if (!TestDatabases.postgres()) {
      return counters();
    }
    Path otherDir = dataDir.resolveSibling(dataDir.getFileName() + "-node" + opened.size());
    Database other = Database.open(DataDirectory.open(otherDir), TestDatabases.target(dataDir));
    opened.add(other);
    return new AttemptCounters(other, new ThrottleCounterRepository());
  }

  @Override
  public void close() {
    opened.reversed().forEach(Database::close);
  }
}
