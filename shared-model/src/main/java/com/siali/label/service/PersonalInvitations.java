package com.siali.label.service;

import com.siali.label.model.AlreadyExistsException;
import com.siali.label.model.AuditAction;
import com.siali.label.model.AuditEvent;
import com.siali.label.model.ConflictException;
import com.siali.label.model.EmailAddress;
import com.siali.label.model.NotFoundException;
import com.siali.label.model.PermissionDeniedException;
import com.siali.label.model.PersonalInvitation;
import com.siali.label.model.PersonalInvitation.Status;
import com.siali.label.model.User;
import com.siali.label.model.ValidationException;
import com.siali.label.persistence.Database;
import com.siali.label.persistence.PersonalInvitationRepository;
import com.siali.label.persistence.UserRepository;
import com.siali.label.security.Tokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Personal invitations (issue #17, ADR 0020): the owner invites one email at a time; the link signs
 * up only that email, works once, stops at its expiry or when revoked, and works even when sign-up
 * without a link is disabled. Its secret is 256 random bits; only the digest is stored, so the link
 * is shown once, when it is made.
 *
 * <p>The three events an audit log records happen in one method each, inside the transaction that
 * makes the change: {@link #create} (made), {@link #redeemIn} (used), {@link #revokeIn} (revoked).
 */
public final class PersonalInvitations {
  public static final int DEFAULT_DAYS = 7;
  public static final int MAX_DAYS = 30;

  /** Addresses in one request at most: a class or a team, not a mailing list. */
  public static final int MAX_ADDRESSES = 200;

  /** How many invitations the lists show (newest first). */
  static final int LIST_LIMIT = 500;

  static final String OWNER_ONLY = "Only the owner can invite people by email.";
  static final String EXPIRY_RULE =
      "expires_in_days must be a whole number of days from 1 to " + MAX_DAYS + ".";
  private static final int TOKEN_BYTES = 32;
  private static final int MAX_TOKEN_LENGTH = 128;
  private static final String SIGNUP_PATH = "/user/signup/?invite=";
  private static final Logger LOG = LoggerFactory.getLogger(PersonalInvitations.class);

  /** An invitation just made, with the secret of its link (never readable again). */
  public record Issued(PersonalInvitation invitation, String token) {}

  /** An address that got no invitation, and why. */
  public record Refused(String email, String detail) {}

  /** What one request to invite a list of addresses did: each address is one or the other. */
  public record Batch(List<Issued> issued, List<Refused> refused) {}

  /** Whether a link can sign someone up now, and if not, why. */
  public enum Verdict {
    OPEN,
    USED,
    EXPIRED,
    REVOKED,
    /** Not a link we made (or mistyped). */
    UNKNOWN
  }

  /** A link's state for the sign-up page: the invitation (absent when unknown) and its verdict. */
  public record LinkState(Optional<PersonalInvitation> invitation, Verdict verdict) {}

  /** What a sign-up with a link did: the new account, or why there is none. */
  public record Redemption(Optional<User> account, Verdict verdict) {}

  private final Database db;
  private final PersonalInvitationRepository invitations;
  private final UserRepository users;
  private final AccountService accounts;
  private final AuditTrail audit;
  private final Clock clock;

  public PersonalInvitations(
      Database db,
      PersonalInvitationRepository invitations,
      UserRepository users,
      AccountService accounts,
      AuditTrail audit,
      Clock clock) {
    this.db = db;
    this.invitations = invitations;
    this.users = users;
    this.accounts = accounts;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Invites each address of {@code emails} (duplicates once), each link valid for {@code
   * expiresInDays}. An invalid address or one that already has an account is refused on its own;
   * the others go through. A pending invitation of the same address is revoked: one live link per
   * address. An expiry outside 1..{@value #MAX_DAYS} refuses the whole request.
   */
  public Batch invite(long actorId, List<String> emails, int expiresInDays) {
    if (expiresInDays < 1 || expiresInDays > MAX_DAYS) {
      throw new ValidationException("expires_in_days", EXPIRY_RULE);
    }
    if (emails.isEmpty()) {
      throw new ValidationException("emails", "Enter at least one email address.");
    }
    if (emails.size() > MAX_ADDRESSES) {
      throw new ValidationException(
          "emails", "Invite at most " + MAX_ADDRESSES + " addresses at a time.");
    }
    Instant now = ServiceClock.now(clock);
    Instant expires = now.plus(Duration.ofDays(expiresInDays));
    return db.inTransaction(
        ctx -> {
          requireOwner(ctx, actorId);
          List<Issued> issued = new ArrayList<>();
          List<Refused> refused = new ArrayList<>();
          Set<String> seen = new LinkedHashSet<>();
          for (String raw : emails) {
            String typed = raw == null ? "" : raw.strip();
            EmailAddress email;
            try {
              email = EmailAddress.parse(typed);
            } catch (ValidationException invalid) {
              refused.add(new Refused(typed, invalid.getMessage()));
              continue;
            }
            if (!seen.add(email.value())) {
              continue;
            }
            if (users.findByEmail(ctx, email).isPresent()) {
              refused.add(new Refused(email.value(), email.value() + " already has an account."));
              continue;
            }
            for (long earlier : invitations.pendingIds(ctx, Optional.of(email), now)) {
              revokeIn(ctx, actorId, earlier, now);
            }
            issued.add(create(ctx, actorId, email, now, expires));
          }
          return new Batch(List.copyOf(issued), List.copyOf(refused));
        });
  }

  /** The one place an invitation is made. */
  private Issued create(
      DSLContext ctx, long actorId, EmailAddress email, Instant now, Instant expires) {
    String token = Tokens.randomUrlSafe(TOKEN_BYTES);
    long id = invitations.insert(ctx, Tokens.sha256Hex(token), email, actorId, now, expires);
    LOG.info("personal invitation {} for {} made by account {}", id, email, actorId);
    audit.record(
        ctx,
        AuditEvent.onInstance(AuditAction.INVITATION_CREATED)
            .by(actorId)
            .withDetails("invitation " + id + " for " + email + ", expires " + expires));
    return new Issued(invitations.findById(ctx, id).orElseThrow(), token);
  }

  /** The newest invitations first, whatever became of them; the owner only. */
  public List<PersonalInvitation> list(long actorId) {
    return db.inTransaction(
        ctx -> {
          requireOwner(ctx, actorId);
          return invitations.newest(ctx, LIST_LIMIT);
        });
  }

  /** An invitation's status now, by this service's clock. */
  public Status statusOf(PersonalInvitation invitation) {
    return invitation.statusAt(ServiceClock.now(clock));
  }

  /**
   * Revokes an invitation: its link stops working at once. Revoking one that is already revoked or
   * expired changes nothing; one that was used is a {@link ConflictException} (the account exists:
   * deactivate it on People instead).
   */
  public PersonalInvitation revoke(long actorId, long invitationId) {
    Instant now = ServiceClock.now(clock);
    return db.inTransaction(
        ctx -> {
          requireOwner(ctx, actorId);
          PersonalInvitation invitation =
              invitations
                  .findById(ctx, invitationId)
                  .orElseThrow(
                      () ->
                          new NotFoundException(
                              "There is no invitation with id " + invitationId + "."));
          if (invitation.usedAt().isPresent()) {
            throw new ConflictException(
                "The invitation of "
                    + invitation.email()
                    + " was already used: the account exists. Deactivate it on People instead.");
          }
          if (invitation.statusAt(now) == Status.PENDING) {
            revokeIn(ctx, actorId, invitationId, now);
          }
          return invitations.findById(ctx, invitationId).orElseThrow();
        });
  }

  /** Revokes every pending invitation; returns how many. */
  public int revokeAll(long actorId) {
    Instant now = ServiceClock.now(clock);
    return db.inTransaction(
        ctx -> {
          requireOwner(ctx, actorId);
          int revoked = 0;
          for (long id : invitations.pendingIds(ctx, Optional.empty(), now)) {
            revoked += revokeIn(ctx, actorId, id, now) ? 1 : 0;
          }
          return revoked;
        });
  }

  /** The one place an invitation is revoked (by the owner, or replaced by a newer one). */
  private boolean revokeIn(DSLContext ctx, long actorId, long invitationId, Instant now) {
    boolean revoked = invitations.markRevoked(ctx, invitationId, now);
    if (revoked) {
      LOG.info("personal invitation {} revoked by account {}", invitationId, actorId);
      audit.record(
          ctx,
          AuditEvent.onInstance(AuditAction.INVITATION_REVOKED)
              .by(actorId)
              .withDetails("invitation " + invitationId));
    }
    return revoked;
  }

  /** What the link with {@code token} is now (the sign-up page shows its form or says why not). */
  public LinkState check(String token) {
    if (!plausible(token)) {
      return new LinkState(Optional.empty(), Verdict.UNKNOWN);
    }
    Instant now = ServiceClock.now(clock);
    Optional<PersonalInvitation> invitation =
        db.inTransaction(ctx -> invitations.findByDigest(ctx, Tokens.sha256Hex(token)));
    return new LinkState(
        invitation, invitation.map(i -> verdict(i.statusAt(now))).orElse(Verdict.UNKNOWN));
  }

  /**
   * Signs up the invitation's own email with {@code password} (the sign-up rules), in one
   * transaction that uses the link up: of two racing sign-ups with one link, exactly one creates
   * the account and the other is told the link was used. Throws {@link ValidationException} for the
   * password and {@link AlreadyExistsException} when the email got an account meanwhile.
   */
  public Redemption redeem(String token, String password) {
    LinkState state = check(token);
    if (state.verdict() != Verdict.OPEN) {
      return new Redemption(Optional.empty(), state.verdict());
    }
    EmailAddress email = state.invitation().orElseThrow().email();
    String hash = accounts.checkedHash(email, password);
    String digest = Tokens.sha256Hex(token);
    return db.inTransaction(ctx -> redeemIn(ctx, digest, hash));
  }

  /** The one place an invitation is used: the account is created and the link used up. */
  private Redemption redeemIn(DSLContext ctx, String digest, String hash) {
    Instant now = ServiceClock.now(clock);
    Optional<PersonalInvitation> locked = invitations.findByDigestForUpdate(ctx, digest);
    Verdict verdict = locked.map(i -> verdict(i.statusAt(now))).orElse(Verdict.UNKNOWN);
    if (verdict != Verdict.OPEN) {
      return new Redemption(Optional.empty(), verdict);
    }
    PersonalInvitation invitation = locked.get();
    User account =
        accounts.insertMember(
            ctx, invitation.email(), hash, now, "personal invitation " + invitation.id());
    invitations.markUsed(ctx, invitation.id(), account.id(), now);
    audit.record(
        ctx,
        AuditEvent.about(AuditAction.INVITATION_REDEEMED, account)
            .withDetails("invitation " + invitation.id()));
    LOG.info("personal invitation {} used by new account {}", invitation.id(), account.id());
    return new Redemption(Optional.of(account), Verdict.OPEN);
  }

  /** The sign-up page's path and query for a personal link. */
  public static String signupPath(String token) {
    return SIGNUP_PATH + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  /** The full link on a base URL such as {@code http://192.168.1.20:8080/}. */
  public static String link(String baseUrl, String token) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    return base + signupPath(token);
  }

  private void requireOwner(DSLContext ctx, long actorId) {
    User actor = users.findById(ctx, actorId).orElseThrow(() -> AccountService.notFound(actorId));
    if (!actor.owner() || !actor.active()) {
      throw new PermissionDeniedException(OWNER_ONLY);
    }
  }

  private static Verdict verdict(Status status) {
    return switch (status) {
      case PENDING -> Verdict.OPEN;
      case USED -> Verdict.USED;
      case EXPIRED -> Verdict.EXPIRED;
      case REVOKED -> Verdict.REVOKED;
    };
  }

  private static boolean plausible(String token) {
    return token != null && !token.isEmpty() && token.length() <= MAX_TOKEN_LENGTH;
  }
}
