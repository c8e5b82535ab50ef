package com.siali.label.service;

import com.siali.label.model.EmailAddress;
import com.siali.label.model.NotFoundException;
import com.siali.label.model.Page;
import com.siali.label.model.PersonActivity;
import com.siali.label.model.User;
import com.siali.label.model.UserQuery;
import com.siali.label.model.ValidationException;
import com.siali.label.persistence.Database;
import com.siali.label.persistence.ProjectRepository;
import com.siali.label.persistence.UserRepository;
import com.siali.label.search.PeopleSearchIndex;
import java.util.Optional;

/** The read side of People: listing, searching and paging accounts, and what a person did. */
public final class PeopleDirectory {
  private final Database db;
  private final UserRepository users;
  private final ProjectRepository projects;
  private final PeopleSearchIndex search;

  public PeopleDirectory(
      Database db, UserRepository users, ProjectRepository projects, PeopleSearchIndex search) {
    this.db = db;
    this.users = users;
    this.projects = projects;
    this.search = search;
  }

  public Page<User> page(UserQuery query) {
    return db.inTransaction(ctx -> search.page(ctx, query));
  }

  /**
   * Every account that {@code status} admits, by email, as CSV ({@link
   * com.siali.label.model.PeopleCsv}): the owner only, since it lists everyone's email at once.
   */
  public void exportCsv(long actorId, com.siali.label.model.UserStatus status, Appendable out) {
    User actor = get(actorId);
    if (!actor.owner() || !actor.active()) {
      throw new com.siali.label.model.PermissionDeniedException(
          "Only the owner can export the list of people.");
    }
    com.siali.label.model.PeopleCsv.header(out);
    int limit = UserQuery.MAX_LIMIT;
    for (int offset = 0; ; offset += limit) {
      Page<User> page =
          page(
              new UserQuery(
                  "", com.siali.label.model.UserSort.EMAIL, false, offset, limit, status));
      page.items().forEach(person -> com.siali.label.model.PeopleCsv.row(out, person));
      if (!page.hasNext()) {
        return;
      }
    }
  }

  public User get(long userId) {
    return find(userId).orElseThrow(() -> AccountService.notFound(userId));
  }

  public Optional<User> find(long userId) {
    return db.inTransaction(ctx -> users.findById(ctx, userId));
  }

  /** The owner, who sends the invitation link (empty only before the first sign-up). */
  public Optional<User> owner() {
    return db.inTransaction(users::findOwner);
  }

  /** The account with this email, if the text is an email at all and such an account exists. */
  public Optional<User> findByEmail(String email) {
    EmailAddress address;
    try {
      address = EmailAddress.parse(email);
    } catch (ValidationException notAnEmail) {
      return Optional.empty();
    }
    return db.inTransaction(ctx -> users.findByEmail(ctx, address));
  }

  /**
   * Builds the in-memory copy of the search terms and sort orders ({@link PeopleSearchIndex}) now,
   * rather than on the first keystroke (0.2–0.7 s of one core at 100 000 accounts), unless it is
   * current. The console calls it when People first shows, while nobody waits.
   */
  public void buildSearchCopy() {
    search.build();
  }

  public long count() {
    return db.inTransaction(users::count);
  }

  /** Projects the person created and projects they annotated in. */
  public PersonActivity activityOf(long userId) {
    return db.inTransaction(
        ctx -> {
          if (users.findById(ctx, userId).isEmpty()) {
            throw new NotFoundException("There is no account with id " + userId + ".");
          }
          return new PersonActivity(
              projects.createdBy(ctx, userId), projects.contributedToBy(ctx, userId));
        });
  }
}
