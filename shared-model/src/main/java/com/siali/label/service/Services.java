package com.siali.label.service;

import com.siali.label.persistence.ApiTokenRepository;
import com.siali.label.persistence.AuditRepository;
import com.siali.label.persistence.AuditWordIndexer;
import com.siali.label.persistence.AvatarPictureRepository;
import com.siali.label.persistence.ChangeFeed;
import com.siali.label.persistence.ClusterSecretRepository;
import com.siali.label.persistence.Database;
import com.siali.label.persistence.InvitationRepository;
import com.siali.label.persistence.PasswordResetLinkRepository;
import com.siali.label.persistence.PersonalInvitationRepository;
import com.siali.label.persistence.ProjectRepository;
import com.siali.label.persistence.SettingsRepository;
import com.siali.label.persistence.ThrottleCounterRepository;
import com.siali.label.persistence.UserRepository;
import com.siali.label.persistence.WebSessionRepository;
import com.siali.label.search.PeopleSearchIndex;
import com.siali.label.security.PasswordHasher;
import com.siali.label.service.avatar.AvatarService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The services over one database, wired once (by the launcher, or by a test), with the change feed
 * that their caches follow and that the window's views may follow too. {@code avatarFolder} is
 * where an earlier version kept the pictures (ADR 0018: they are in the database now).
 */
public record Services(
    AccountService accounts,
    PeopleDirectory people,
    AccountAdministration administration,
    ApiTokenService apiTokens,
    InvitationService invitations,
    SessionService sessions,
    ProjectService projects,
    AvatarService avatars,
    ServerPreferences serverPreferences,
    PasswordResetLinks passwordResets,
    ClusterSecrets clusterSecrets,
    AttemptCounters attemptCounters,
    AuditTrail audit,
    PersonalInvitations personalInvitations,
    ChangeFeed changes,
    DatabaseStatus databaseStatus) {

  /** How often a follower reads the change log at least, when nothing notifies it. */
  static final Duration FOLLOW_POLL = Duration.ofSeconds(1);

  public static Services over(
      Database db, Path avatarFolder, PasswordHasher hasher, PasswordPolicy policy, Clock clock) {
    var changes = new ChangeFeed();
    db.closeFirst(changes);
    if (db.sharedWithOtherProcesses()) {
      changes.follow(db, FOLLOW_POLL);
    }
    db.closeFirst(AuditWordIndexer.following(db, changes));
    var users = new UserRepository(changes);
    var tokens = new ApiTokenRepository(changes);
    var search = PeopleSearchIndex.following(db, changes);
    var webSessions = new WebSessionRepository(changes);
    var projectRepository = new ProjectRepository(changes);
    var audit = new AuditTrail(db, new AuditRepository(changes), users, clock);
    var accounts = new AccountService(db, users, tokens, webSessions, hasher, policy, audit, clock);
    return new Services(
        accounts,
        new PeopleDirectory(db, users, projectRepository, search),
        new AccountAdministration(db, users, webSessions, audit, clock),
        new ApiTokenService(db, users, tokens, changes, audit, clock),
        new InvitationService(
            db,
            new InvitationRepository(changes),
            new SettingsRepository(changes),
            users,
            changes,
            audit,
            clock),
        new SessionService(db, users, webSessions, accounts, audit, clock),
        new ProjectService(db, projectRepository, users, clock),
        new AvatarService(db, users, new AvatarPictureRepository(), avatarFolder, audit, clock),
        new ServerPreferences(db, new SettingsRepository(changes)),
        new PasswordResetLinks(
            db,
            users,
            webSessions,
            new PasswordResetLinkRepository(),
            hasher,
            policy,
            audit,
            clock),
        new ClusterSecrets(db, new ClusterSecretRepository(), clock),
        new AttemptCounters(db, new ThrottleCounterRepository()),
        audit,
        new PersonalInvitations(
            db, new PersonalInvitationRepository(changes), users, accounts, audit, clock),
        changes,
        new DatabaseStatus(db));
  }
}
