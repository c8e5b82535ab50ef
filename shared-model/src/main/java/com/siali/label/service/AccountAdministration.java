package com.siali.label.service;

import com.siali.label.model.AccountVersion;
import com.siali.label.model.AuditAction;
import com.siali.label.model.AuditEvent;
import com.siali.label.model.ConflictException;
import com.siali.label.model.PermissionDeniedException;
import com.siali.label.model.User;
import com.siali.label.persistence.Database;
import com.siali.label.persistence.UserRepository;
import com.siali.label.persistence.WebSessionRepository;
import java.time.Clock;
import java.util.Set;
import java.util.function.Predicate;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What only the owner may do to other accounts (SPEC §4): deactivate, activate and delete them. The
 * owner account itself can be neither deactivated nor deleted, so the instance always keeps an
 * administrator.
 */
public final class AccountAdministration {
  private static final Logger LOG = LoggerFactory.getLogger(AccountAdministration.class);

  private final Database db;
  private final UserRepository users;
  private final WebSessionRepository sessions;
  private final AuditTrail audit;
  private final Clock clock;

  public AccountAdministration(
      Database db,
      UserRepository users,
      WebSessionRepository sessions,
      AuditTrail audit,
      Clock clock) {
    this.db = db;
    this.users = users;
    this.sessions = sessions;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Deactivating ends the account's sessions; its API token stops working because only active
   * accounts log in.
   */
  public User setActive(long actorId, long targetId, boolean active) {
    return setActive(actorId, targetId, active, target -> true);
  }

  /**
   * {@link #setActive(long, long, boolean)} only if the account's {@link AccountVersion} is still
   * one of {@code versions} (the API's {@code If-Match}); otherwise throws {@link
   * ConflictException}.
   */
  public User setActiveIfVersion(
      long actorId, long targetId, boolean active, Set<String> versions) {
    return setActive(
        actorId, targetId, active, target -> versions.contains(AccountVersion.of(target)));
  }

  private User setActive(long actorId, long targetId, boolean active, Predicate<User> unchanged) {
    var now = ServiceClock.now(clock);
    return db.inTransaction(
        ctx -> {
          User target = checkedTarget(ctx, actorId, targetId);
          if (!unchanged.test(target)) {
            throw new ConflictException(AccountService.PROFILE_CHANGED_ELSEWHERE);
          }
          if (target.owner() && !active) {
            throw new PermissionDeniedException("The owner account cannot be deactivated.");
          }
          users.setActive(ctx, targetId, active);
          int ended = active ? 0 : sessions.deleteAllOf(ctx, targetId);
          users.touchActivity(ctx, actorId, now);
          if (target.active() != active) {
            audit.record(
                ctx,
                AuditEvent.about(active ? AuditAction.ACTIVATED : AuditAction.DEACTIVATED, target)
                    .by(actorId)
                    .withDetails(active ? "" : "web sessions ended: " + ended));
          }
          LOG.info("account {} {} by {}", targetId, active ? "activated" : "deactivated", actorId);
          return users.findById(ctx, targetId).orElseThrow();
        });
  }

  /**
   * Deletes the account with its token and sessions; the projects it created stay, without a
   * creator.
   */
  public void delete(long actorId, long targetId) {
    var now = ServiceClock.now(clock);
    db.inTransactionDo(
        ctx -> {
          User target = checkedTarget(ctx, actorId, targetId);
          if (target.owner()) {
            throw new PermissionDeniedException("The owner account cannot be deleted.");
          }
          users.delete(ctx, targetId);
          users.touchActivity(ctx, actorId, now);
          audit.record(ctx, AuditEvent.about(AuditAction.DELETED, target).by(actorId));
          LOG.info("account {} deleted by {}", targetId, actorId);
        });
  }

  /** Ends every web session of another account (the owner only); how many ended. */
  public int signOutEverywhere(long actorId, long targetId) {
    var now = ServiceClock.now(clock);
    return db.inTransaction(
        ctx -> {
          User target = checkedTarget(ctx, actorId, targetId);
          int ended = sessions.deleteAllOf(ctx, targetId);
          users.touchActivity(ctx, actorId, now);
          audit.record(
              ctx,
              AuditEvent.about(AuditAction.SESSIONS_ENDED, target)
                  .by(actorId)
                  .withDetails("web sessions ended: " + ended));
          LOG.info("{} web session(s) of account {} ended by {}", ended, targetId, actorId);
          return ended;
        });
  }

  /**
   * The account {@code targetId} if {@code actorId} may administer it (the owner, of an account
   * other than its own, for a page that asks before acting); else {@link
   * PermissionDeniedException}.
   */
  public User administrable(long actorId, long targetId) {
    User target = db.inTransaction(ctx -> checkedTarget(ctx, actorId, targetId));
    if (target.owner()) {
      throw new PermissionDeniedException("The owner account cannot be deactivated or deleted.");
    }
    return target;
  }

  private User checkedTarget(DSLContext ctx, long actorId, long targetId) {
    User actor = users.findById(ctx, actorId).orElseThrow(() -> AccountService.notFound(actorId));
    if (!actor.owner() || !actor.active()) {
      throw new PermissionDeniedException(
          "Only the owner can deactivate, activate or delete accounts.");
    }
    // Locked, so that a version check on it holds until the change commits.
    return users
        .findByIdForUpdate(ctx, targetId)
        .orElseThrow(() -> AccountService.notFound(targetId));
  }
}
