package com.siali.label.service;

import com.siali.label.model.EmailAddress;
import com.siali.label.model.NotFoundException;
import com.siali.label.model.Page;
import com.siali.label.model.PersonActivity;
import com.siali.label.model.User;
import com.siali.label.model.UserQuery;
import com.siali.label.model.UserSort;
import com.siali.label.model.ValidationException;
import com.siali.label.persistence.Database;
import com.siali.label.persistence.ProjectRepository;
import com.siali.label.persistence.UserRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The read side of People: listing, searching and paging accounts, and what a person did. */
public final class PeopleDirectory {
  private final Database db;
  private final UserRepository users;
  private final ProjectRepository projects;

  public PeopleDirectory(Database db, UserRepository users, ProjectRepository projects) {
    this.db = db;
    this.users = users;
    this.projects = projects;
  }

  public Page<User> page(UserQuery query) {
    return db.inTransaction(ctx -> users.page(ctx, query));
  }

  public User get(long userId) {
    return find(userId).orElseThrow(() -> AccountService.notFound(userId));
  }

  public Optional<User> find(long userId) {
    return db.inTransaction(ctx -> users.findById(ctx, userId));
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
   * Runs the kinds of search a person types, twice each: broad one-word searches (they walk the sort index),
   * one whose page lies in the middle of the sort order (the walk reads several chunks), and two-word ones. In a
   * new process the first searches run as interpreted code: at 100 000 accounts the first "ada l" took 260 ms,
   * the first "gr" (a page a third of the way down) 120–170 ms, against 30–50 ms once the JIT compiled the loops
   * that read the index. Doing this while nobody waits (the console calls it when People first shows) spares the
   * first real keystrokes; it costs a few hundred milliseconds of one core, once.
   */
  public void prepareSearch() {
    List<String> searches = new ArrayList<>(List.of("a", "e", "e a", "an l"));
    long everyone = count();
    page(new UserQuery("", UserSort.NAME, false, (int) Math.min(everyone / 2, Integer.MAX_VALUE), 1)).items().stream()
        .map(middle -> middle.displayName().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", ""))
        .filter(letters -> letters.length() >= 2)
        .forEach(letters -> searches.add(letters.substring(0, 2)));
    for (int round = 0; round < 2; round++) {
      for (String search : searches) {
        page(new UserQuery(search, UserSort.NAME, false, 0, 100));
      }
    }
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
          return new PersonActivity(projects.createdBy(ctx, userId), projects.contributedToBy(ctx, userId));
        });
  }
}
