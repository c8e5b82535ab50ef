package com.siali.label.service;

import com.siali.label.model.AuditChannel;
import com.siali.label.model.AuditContext;
import com.siali.label.model.AuditEntry;
import com.siali.label.model.AuditEvent;
import com.siali.label.model.AuditFormat;
import com.siali.label.model.AuditPage;
import com.siali.label.model.AuditQuery;
import com.siali.label.model.PermissionDeniedException;
import com.siali.label.model.User;
import com.siali.label.persistence.AuditRepository;
import com.siali.label.persistence.Database;
import com.siali.label.persistence.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log of account events (issue #17, ADR 0021). Services {@link #record} each event in the
 * transaction of the change, so an event exists exactly when its change committed; who acted and
 * from where come from the {@link AuditContext} the entry point bound. Only the owner reads it
 * ({@link #page}, {@link #export}); the command line, run by whoever holds the installation, reads
 * it through {@link #exportForOperator}.
 */
public final class AuditTrail {
  public static final String OWNER_ONLY = "Only the owner can read the history.";
  private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
  private static final int EXPORT_PAGE = AuditQuery.MAX_LIMIT;

  private final Database db;
  private final AuditRepository events;
  private final UserRepository users;
  private final Clock clock;

  public AuditTrail(Database db, AuditRepository events, UserRepository users, Clock clock) {
    this.db = db;
    this.events = events;
    this.users = users;
    this.clock = clock;
  }

  /**
   * Records {@code event} in {@code tx}'s transaction: it is kept if and only if the transaction
   * commits. The actor is the event's own ({@link AuditEvent#by}), else the signed-in account of
   * the context, else, for a successful event on the pages or in the window with nobody signed in
   * (a sign-up, a log-in, a one-time link used), its subject, else the channel itself ("command
   * line", "window"; "visitor" on the web).
   */
  public void record(DSLContext tx, AuditEvent event) {
    AuditContext context = AuditContext.current();
    Optional<Long> actorId = event.actorId().or(context::signedIn);
    if (actorId.isEmpty() && event.succeeded() && selfService(context.channel())) {
      actorId = event.subjectId();
    }
    String actor = actorId.map(id -> emailOf(tx, id, event)).orElseGet(() -> anonymous(context));
    events.append(
        tx,
        new AuditRepository.Row(
            ServiceClock.now(clock),
            actorId,
            actor,
            event.action(),
            event.subjectId(),
            event.subjectEmail(),
            context.clientAddress(),
            context.channel().label(),
            event.succeeded(),
            event.details()));
  }

  /** {@link #record} in a transaction of its own (a failed log-in: nothing else commits). */
  public void recordAlone(AuditEvent event) {
    db.inTransactionDo(tx -> record(tx, event));
  }

  /** One page of the log for the owner {@code readerId}, newest first. */
  public AuditPage page(long readerId, AuditQuery query) {
    return db.inTransaction(
        tx -> {
          requireOwner(tx, readerId);
          return toPage(events.page(tx, query), query.limit());
        });
  }

  /** Every event {@code filter} selects, newest first, written to {@code out} (the owner only). */
  public int export(long readerId, AuditQuery filter, AuditFormat format, Appendable out) {
    db.inTransactionDo(tx -> requireOwner(tx, readerId));
    return exportForOperator(filter, format, out);
  }

  /**
   * {@link #export} without an account: for {@code label-studio audit}, whose caller can open the
   * installation's database anyway. Read page by page, each in its own short transaction, so an
   * export of a million events holds no lock and little memory. How many events were written.
   */
  public int exportForOperator(AuditQuery filter, AuditFormat format, Appendable out) {
    format.begin(out);
    AuditQuery query = filter.limit(EXPORT_PAGE);
    int written = 0;
    while (true) {
      AuditQuery pageQuery = query;
      AuditPage page = db.inTransaction(tx -> toPage(events.page(tx, pageQuery), EXPORT_PAGE));
      for (AuditEntry entry : page.entries()) {
        format.write(out, entry);
      }
      written += page.entries().size();
      if (page.next().isEmpty()) {
        return written;
      }
      query = query.olderThan(page.next());
    }
  }

  /** Deletes the events older than {@code retention}; how many. Run at start and daily. */
  public int prune(Duration retention) {
    Instant cutoff = ServiceClock.now(clock).minus(retention);
    int deleted = db.inTransaction(tx -> events.deleteBefore(tx, cutoff));
    if (deleted > 0) {
      LOG.info("audit log: {} event(s) older than {} day(s) pruned", deleted, retention.toDays());
    }
    return deleted;
  }

  private static AuditPage toPage(List<AuditEntry> rows, int limit) {
    if (rows.size() <= limit) {
      return new AuditPage(rows, Optional.empty());
    }
    List<AuditEntry> shown = rows.subList(0, limit);
    return new AuditPage(shown, Optional.of(shown.get(limit - 1).cursor()));
  }

  /** Throws {@link PermissionDeniedException} unless {@code readerId} is the active owner. */
  public void requireReader(long readerId) {
    db.inTransactionDo(tx -> requireOwner(tx, readerId));
  }

  private void requireOwner(DSLContext tx, long readerId) {
    boolean owner =
        users.findById(tx, readerId).filter(User::active).map(User::owner).orElse(false);
    if (!owner) {
      throw new PermissionDeniedException(OWNER_ONLY);
    }
  }

  private String emailOf(DSLContext tx, long actorId, AuditEvent event) {
    if (event.subjectId().equals(Optional.of(actorId)) && !event.subjectEmail().isEmpty()) {
      return event.subjectEmail();
    }
    return users.findById(tx, actorId).map(u -> u.email().value()).orElse("account " + actorId);
  }

  private static boolean selfService(AuditChannel channel) {
    return channel == AuditChannel.WEB || channel == AuditChannel.WINDOW;
  }

  private static String anonymous(AuditContext context) {
    return context.channel() == AuditChannel.WEB ? "visitor" : context.channel().label();
  }
}
