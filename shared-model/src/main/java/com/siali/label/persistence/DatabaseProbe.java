package com.siali.label.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this process reaches its PostgreSQL server, known without asking it per request: a thread
 * of its own checks one connection of its own (outside the pool, so that a pool busy under load is
 * not taken for an outage) every {@link #PERIOD}, and reconnects when it broke. {@code /health}
 * reads the answer (a load balancer then takes the node out), and while the server is unreachable
 * {@link Database#inTransaction} refuses at once instead of waiting for the pool's time-out. Going
 * down and coming back are each logged once.
 */
final class DatabaseProbe implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseProbe.class);
  static final Duration PERIOD = Duration.ofSeconds(1);
  private static final int VALID_SECONDS = 2;

  /** Opens a connection to the server; its failure names the reason. */
  @FunctionalInterface
  interface Connector {
    Connection connect() throws SQLException;
  }

  private final Connector connector;
  private final Function<SQLException, String> reason;
  private final Thread thread;
  private final Object sleeping = new Object();
  private volatile Optional<String> problem = Optional.empty();
  private volatile boolean closed;
  private boolean checkAsked;
  private Connection connection;

  /**
   * @param reason a failure in words, without secrets
   */
  DatabaseProbe(Connector connector, Function<SQLException, String> reason) {
    this.connector = connector;
    this.reason = reason;
    this.thread = Thread.ofPlatform().daemon().name("database-probe").unstarted(this::run);
  }

  DatabaseProbe start() {
    thread.start();
    return this;
  }

  /** Why the database cannot be reached, as of the last check; empty while it can. */
  Optional<String> problem() {
    return problem;
  }

  /**
   * Checks now rather than at the next period: a request just failed to get a connection, so the
   * server may be gone, and requests should be refused at once as soon as that is known.
   */
  void checkSoon() {
    synchronized (sleeping) {
      checkAsked = true;
      sleeping.notifyAll();
    }
  }

  private void run() {
    while (!closed) {
      check();
      synchronized (sleeping) {
        try {
          long until = System.nanoTime() + PERIOD.toNanos();
          for (long left = PERIOD.toMillis();
              !closed && !checkAsked && left > 0;
              left = (until - System.nanoTime()) / 1_000_000) {
            sleeping.wait(left);
          }
        } catch (InterruptedException e) {
          break;
        }
        checkAsked = false;
      }
    }
    forget();
  }

  private void check() {
    try {
      // A connection that broke (the server restarted) or was slow once under load is not yet an
      // outage: a new one must fail too.
      if (!valid()) {
        forget();
        if (!valid()) {
          throw new SQLException("no answer within " + VALID_SECONDS + " s", "08006");
        }
      }
      if (problem.isPresent()) {
        LOG.info("the database can be reached again");
        problem = Optional.empty();
      }
    } catch (SQLException e) {
      forget();
      if (closed) {
        return;
      }
      String why = reason.apply(e);
      if (problem.isEmpty()) {
        LOG.warn("the database cannot be reached: {}; answering 503 until it returns", why);
      }
      problem = Optional.of(why);
    }
  }

  private boolean valid() throws SQLException {
    if (connection == null) {
      connection = connector.connect();
    }
    return connection.isValid(VALID_SECONDS);
  }

  private void forget() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // broken already
      }
      connection = null;
    }
  }

  @Override
  public void close() {
    closed = true;
    synchronized (sleeping) {
      sleeping.notifyAll();
    }
    try {
      thread.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
