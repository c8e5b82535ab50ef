package com.siali.label.service;

import com.siali.label.model.AccountVersion;
import com.siali.label.model.AlreadyExistsException;
import com.siali.label.model.AuditAction;
import com.siali.label.model.AuditChannel;
import com.siali.label.model.AuditContext;
import com.siali.label.model.AuditEvent;
import com.siali.label.model.AuthenticationFailedException;
import com.siali.label.model.ConflictException;
import com.siali.label.model.EmailAddress;
import com.siali.label.model.NewAccount;
import com.siali.label.model.NotFoundException;
import com.siali.label.model.ProfileUpdate;
import com.siali.label.model.User;
import com.siali.label.model.ValidationException;
import com.siali.label.persistence.ApiTokenRepository;
import com.siali.label.persistence.Database;
import com.siali.label.persistence.UserRepository;
import com.siali.label.persistence.WebSessionRepository;
import com.siali.label.security.PasswordHasher;
import com.siali.label.security.Tokens;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A person's own account: creating it, logging in, passwords and profile. */
public final class AccountService {
  public static final String PROFILE_CHANGED_ELSEWHERE =
      "Your profile was changed elsewhere while you edited it. The new values are shown; save again"
          + " to replace them with yours.";
  private static final Logger LOG = LoggerFactory.getLogger(AccountService.class);
  public static final String EMAIL_TAKEN_MESSAGE = "User with this email already exists";
  public static final String SAME_PASSWORD_MESSAGE = "Entered password is the same as current";
  public static final String WRONG_CURRENT_PASSWORD_MESSAGE =
      "Your current password was entered incorrectly.";
  static final int GENERATED_TOKEN_BYTES = 20;

  /** The audit log's words for how a sign-up was let in ({@link #create(NewAccount, String)}). */
  public static final String NO_INVITATION = "none";

  public static final String SHARED_LINK = "shared link";

  private final Database db;
  private final UserRepository users;
  private final ApiTokenRepository tokens;
  private final WebSessionRepository sessions;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final AuditTrail audit;
  private final Clock clock;

  public AccountService(
      Database db,
      UserRepository users,
      ApiTokenRepository tokens,
      WebSessionRepository sessions,
      PasswordHasher hasher,
      PasswordPolicy policy,
      AuditTrail audit,
      Clock clock) {
    this.db = db;
    this.users = users;
    this.tokens = tokens;
    this.sessions = sessions;
    this.hasher = hasher;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Creates an account; the first one ever becomes the owner. Its API token is the requested one or
   * 20 random bytes as hex. Throws {@link AlreadyExistsException} when the email is taken (the
   * database's unique constraint decides, so concurrent sign-ups of one email give exactly one
   * account).
   */
  public User create(NewAccount account) {
    return create(account, NO_INVITATION);
  }

  /**
   * {@link #create(NewAccount)}, recorded in the audit log as let in by {@code invitation} (the
   * audit log's words: {@link #NO_INVITATION}, {@link #SHARED_LINK}, or a personal invitation's).
   */
  public User create(NewAccount account, String invitation) {
    policy.check(account.password(), account.email());
    account.apiToken().ifPresent(ApiTokenRules::check);
    if (db.inTransaction(ctx -> users.findByEmail(ctx, account.email())).isPresent()) {
      throw new AlreadyExistsException(EMAIL_TAKEN_MESSAGE);
    }
    String hash = hasher.hash(account.password());
    String token = account.apiToken().orElseGet(() -> Tokens.randomHex(GENERATED_TOKEN_BYTES));
    try {
      return insert(account.email(), hash, token, db.inTransaction(users::count) == 0, invitation);
    } catch (UserRepository.UniqueViolation e) {
      if (e.ownerSlot()) {
        // Two first sign-ups raced for the owner slot; the other one won, so this one is an
        // ordinary account, unless the winner had the same email (PostgreSQL may report the owner
        // slot before the email).
        try {
          return insert(account.email(), hash, token, false, invitation);
        } catch (UserRepository.UniqueViolation sameEmail) {
          throw new AlreadyExistsException(EMAIL_TAKEN_MESSAGE);
        }
      }
      throw new AlreadyExistsException(EMAIL_TAKEN_MESSAGE);
    }
  }

  private User insert(
      EmailAddress email, String hash, String token, boolean owner, String invitation) {
    Instant now = ServiceClock.now(clock);
    return db.inTransaction(ctx -> insertIn(ctx, email, hash, token, owner, now, invitation));
  }

  private User insertIn(
      DSLContext ctx,
      EmailAddress email,
      String hash,
      String token,
      boolean owner,
      Instant now,
      String invitation) {
    if (tokens.isTaken(ctx, token)) {
      throw new ValidationException(
          "token", "This user token is already in use by another account.");
    }
    long id = users.insert(ctx, email, hash, owner, now);
    tokens.put(ctx, id, token, now);
    LOG.info("account {} created (id {}, owner {})", email, id, owner);
    User created = users.findById(ctx, id).orElseThrow();
    audit.record(
        ctx,
        AuditEvent.about(AuditAction.SIGNED_UP, created)
            .withDetails("invitation: " + invitation + (owner ? "; the owner" : "")));
    return created;
  }

  /**
   * The first half of creating an account inside another use case's transaction: checks the
   * password against the policy and hashes it (slow, so before the transaction begins).
   */
  String checkedHash(EmailAddress email, String password) {
    policy.check(password, email);
    return hasher.hash(password);
  }

  /**
   * The second half: an ordinary account (never the owner) with a generated API token, in the
   * caller's transaction {@code ctx} (a personal invitation is used up in the same one). Throws
   * {@link AlreadyExistsException} when the email is taken. {@code invitation} says which, for the
   * audit log.
   */
  User insertMember(
      DSLContext ctx, EmailAddress email, String passwordHash, Instant now, String invitation) {
    try {
      return insertIn(
          ctx,
          email,
          passwordHash,
          Tokens.randomHex(GENERATED_TOKEN_BYTES),
          false,
          now,
          invitation);
    } catch (UserRepository.UniqueViolation taken) {
      throw new AlreadyExistsException(EMAIL_TAKEN_MESSAGE);
    }
  }

  /**
   * Checks an email and password. Unknown emails, wrong passwords and deactivated accounts all cost
   * one Argon2 verification and fail with the same {@link AuthenticationFailedException}.
   */
  public User authenticate(String email, String password) {
    User user = verify(email, password);
    Instant now = ServiceClock.now(clock);
    return db.inTransaction(
        ctx -> {
          users.touchActivity(ctx, user.id(), now);
          audit.record(ctx, AuditEvent.about(AuditAction.LOGGED_IN, user));
          return users.findById(ctx, user.id()).orElseThrow();
        });
  }

  /**
   * {@link #authenticate} without recording activity, for callers that record it in their own
   * transaction (a web log-in does it together with the new session: one commit instead of two).
   * Writes to upgrade a hash, and a failure to the audit log (in a transaction of its own: nothing
   * else commits).
   */
  User verify(String email, String password) {
    EmailAddress address;
    try {
      address = EmailAddress.parse(email);
    } catch (ValidationException invalid) {
      hasher.verifyAgainstDummy(password);
      // What was typed is not kept: it may be a password typed into the wrong field.
      throw failed(Optional.empty(), "", "not an email address");
    }
    var credentials = db.readOne(ctx -> users.credentials(ctx, address));
    if (credentials.isEmpty()) {
      hasher.verifyAgainstDummy(password);
      throw failed(Optional.empty(), address.value(), "no such account");
    }
    User user = credentials.get().user();
    String hash = credentials.get().passwordHash();
    if (!hasher.verify(hash, password)) {
      throw failed(Optional.of(user), address.value(), "wrong password");
    }
    if (!user.active()) {
      throw failed(Optional.of(user), address.value(), "account deactivated");
    }
    if (hasher.needsRehash(hash)) {
      String upgraded = hasher.hash(password);
      db.inTransactionDo(ctx -> users.updatePasswordHash(ctx, user.id(), upgraded));
    }
    return user;
  }

  private AuthenticationFailedException failed(
      Optional<User> account, String typedEmail, String reason) {
    audit.recordAlone(AuditEvent.loginFailed(account, typedEmail, reason));
    return new AuthenticationFailedException();
  }

  /**
   * A person changing their own password: the current one must be right. Ends all their web
   * sessions.
   */
  public void changePassword(long userId, String currentPassword, String newPassword) {
    String hash = currentHash(userId);
    if (!hasher.verify(hash, currentPassword == null ? "" : currentPassword)) {
      throw new ValidationException("current_password", WRONG_CURRENT_PASSWORD_MESSAGE);
    }
    setPassword(userId, newPassword, "by: self, with the current password");
  }

  /**
   * Sets a new password without the current one (the owner in the console, {@code reset_password}
   * on the command line). It must follow the policy and differ from the current one; all web
   * sessions of the account end, so a leaked session does not outlive the reset.
   */
  public void setPassword(long userId, String newPassword) {
    AuditContext context = AuditContext.current();
    String by =
        context.channel() == AuditChannel.COMMAND_LINE
            ? "by: the command line"
            : context.signedIn().equals(Optional.of(userId)) ? "by: self" : "by: the owner";
    setPassword(userId, newPassword, by);
  }

  private void setPassword(long userId, String newPassword, String by) {
    User user = findUser(userId);
    policy.check(newPassword, user.email());
    if (hasher.verify(currentHash(userId), newPassword)) {
      throw new ValidationException("password", SAME_PASSWORD_MESSAGE);
    }
    String hash = hasher.hash(newPassword);
    Instant now = ServiceClock.now(clock);
    int ended =
        db.inTransaction(
            ctx -> {
              users.updatePasswordHash(ctx, userId, hash);
              users.touchActivity(ctx, userId, now);
              int count = sessions.deleteAllOf(ctx, userId);
              audit.record(
                  ctx,
                  AuditEvent.about(AuditAction.PASSWORD_CHANGED, user)
                      .withDetails(by + "; web sessions ended: " + count));
              return count;
            });
    LOG.info("password of account {} changed; {} web session(s) ended", userId, ended);
  }

  public User updateProfile(long userId, ProfileUpdate update) {
    return save(userId, user -> true, update);
  }

  /**
   * Saves {@code update} only if the profile is still {@code loadedFrom}, what the form showed when
   * the person began editing; otherwise throws {@link ConflictException} and changes nothing.
   */
  public User updateProfile(long userId, ProfileUpdate loadedFrom, ProfileUpdate update) {
    return save(userId, user -> loadedFrom.equals(ProfileUpdate.of(user)), update);
  }

  /**
   * Saves {@code update} only if the account's {@link AccountVersion} is still one of {@code
   * versions} (the API's {@code If-Match}); otherwise throws {@link ConflictException} and changes
   * nothing.
   */
  public User updateProfileIfVersion(long userId, Set<String> versions, ProfileUpdate update) {
    return save(userId, user -> versions.contains(AccountVersion.of(user)), update);
  }

  private User save(long userId, Predicate<User> unchanged, ProfileUpdate update) {
    Instant now = ServiceClock.now(clock);
    return db.inTransaction(
        ctx -> {
          // Checked on the row locked for update, so that no other writer slips in between the
          // check and the save.
          User user = users.findByIdForUpdate(ctx, userId).orElseThrow(() -> notFound(userId));
          if (!unchanged.test(user)) {
            throw new ConflictException(PROFILE_CHANGED_ELSEWHERE);
          }
          users.updateProfile(ctx, user, update);
          users.touchActivity(ctx, userId, now);
          String changed = changedFields(ProfileUpdate.of(user), update);
          if (!changed.isEmpty()) {
            audit.record(
                ctx,
                AuditEvent.about(AuditAction.PROFILE_CHANGED, user)
                    .withDetails("changed: " + changed));
          }
          return users.findById(ctx, userId).orElseThrow();
        });
  }

  /** The names of the fields that differ (never their values: a profile is not the log's). */
  private static String changedFields(ProfileUpdate before, ProfileUpdate after) {
    List<String> changed = new ArrayList<>(3);
    if (!before.firstName().equals(after.firstName())) {
      changed.add("first_name");
    }
    if (!before.lastName().equals(after.lastName())) {
      changed.add("last_name");
    }
    if (!before.phone().equals(after.phone())) {
      changed.add("phone");
    }
    return String.join(", ", changed);
  }

  /** The account as it is now, if it still exists. */
  public Optional<User> find(long userId) {
    return db.inTransaction(ctx -> users.findById(ctx, userId));
  }

  /** Marks the person as active now (a state-changing request or console action). */
  public void recordActivity(long userId) {
    Instant now = ServiceClock.now(clock);
    db.inTransactionDo(ctx -> users.touchActivity(ctx, userId, now));
  }

  private String currentHash(long userId) {
    return db.inTransaction(ctx -> users.passwordHash(ctx, userId))
        .orElseThrow(() -> notFound(userId));
  }

  private User findUser(long userId) {
    return db.inTransaction(ctx -> users.findById(ctx, userId)).orElseThrow(() -> notFound(userId));
  }

  static NotFoundException notFound(long userId) {
    return new NotFoundException("There is no account with id " + userId + ".");
  }
}
