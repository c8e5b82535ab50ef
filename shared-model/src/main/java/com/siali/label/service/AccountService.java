package com.siali.label.service;

import com.siali.label.model.AccountVersion;
import com.siali.label.model.AlreadyExistsException;
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
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
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

  private final Database db;
  private final UserRepository users;
  private final ApiTokenRepository tokens;
  private final WebSessionRepository sessions;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final Clock clock;

  public AccountService(
      Database db,
      UserRepository users,
      ApiTokenRepository tokens,
      WebSessionRepository sessions,
      PasswordHasher hasher,
      PasswordPolicy policy,
      Clock clock) {
    this.db = db;
    this.users = users;
    this.tokens = tokens;
    this.sessions = sessions;
    this.hasher = hasher;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * Creates an account; the first one ever becomes the owner. Its API token is the requested one or
   * 20 random bytes as hex. Throws {@link AlreadyExistsException} when the email is taken (the
   * database's unique constraint decides, so concurrent sign-ups of one email give exactly one
   * account).
   */
  public User create(NewAccount account) {
    policy.check(account.password(), account.email());
    account.apiToken().ifPresent(ApiTokenRules::check);
    if (db.inTransaction(ctx -> users.findByEmail(ctx, account.email())).isPresent()) {
      throw new AlreadyExistsException(EMAIL_TAKEN_MESSAGE);
    }
    String hash = hasher.hash(account.password());
    String token = account.apiToken().orElseGet(() -> Tokens.randomHex(GENERATED_TOKEN_BYTES));
    try {
      return insert(account.email(), hash, token, db.inTransaction(users::count) == 0);
    } catch (UserRepository.UniqueViolation e) {
      if (e.ownerSlot()) {
        // Two first sign-ups raced for the owner slot; the other one won, so this one is an
        // ordinary account, unless the winner had the same email (PostgreSQL may report the owner
        // slot before the email).
        try {
          return insert(account.email(), hash, token, false);
        } catch (UserRepository.UniqueViolation sameEmail) {
          throw new AlreadyExistsException(EMAIL_TAKEN_MESSAGE);
        }
      }
      throw new AlreadyExistsException(EMAIL_TAKEN_MESSAGE);
    }
  }

  private User insert(EmailAddress email, String hash, String token, boolean owner) {
    Instant now = ServiceClock.now(clock);
    return db.inTransaction(
        ctx -> {
          if (tokens.isTaken(ctx, token)) {
            throw new ValidationException(
                "token", "This user token is already in use by another account.");
          }
          long id = users.insert(ctx, email, hash, owner, now);
          tokens.put(ctx, id, token, now);
          LOG.info("account {} created (id {}, owner {})", email, id, owner);
          return users.findById(ctx, id).orElseThrow();
        });
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
          return users.findById(ctx, user.id()).orElseThrow();
        });
  }

  /**
   * {@link #authenticate} without recording activity, for callers that record it in their own
   * transaction (a web log-in does it together with the new session: one commit instead of two).
   * Writes only to upgrade a hash.
   */
  User verify(String email, String password) {
    EmailAddress address;
    try {
      address = EmailAddress.parse(email);
    } catch (ValidationException invalid) {
      hasher.verifyAgainstDummy(password);
      throw new AuthenticationFailedException();
    }
    var credentials = db.inTransaction(ctx -> users.credentials(ctx, address));
    if (credentials.isEmpty()) {
      hasher.verifyAgainstDummy(password);
      throw new AuthenticationFailedException();
    }
    User user = credentials.get().user();
    String hash = credentials.get().passwordHash();
    if (!hasher.verify(hash, password) || !user.active()) {
      throw new AuthenticationFailedException();
    }
    if (hasher.needsRehash(hash)) {
      String upgraded = hasher.hash(password);
      db.inTransactionDo(ctx -> users.updatePasswordHash(ctx, user.id(), upgraded));
    }
    return user;
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
    setPassword(userId, newPassword);
  }

  /**
   * Sets a new password without the current one (the owner in the console, {@code reset_password}
   * on the command line). It must follow the policy and differ from the current one; all web
   * sessions of the account end, so a leaked session does not outlive the reset.
   */
  public void setPassword(long userId, String newPassword) {
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
              return sessions.deleteAllOf(ctx, userId);
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
          return users.findById(ctx, userId).orElseThrow();
        });
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
