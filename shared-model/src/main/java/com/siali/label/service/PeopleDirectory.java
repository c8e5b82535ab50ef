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
   * Runs each kind of search once: a broad one-word search (it walks the sort index) and a two-word one. The first
   * search in a new process pays for loading and preparing that code, so doing this while nobody waits spares the
   * first real keystroke (at 100 000 accounts, a first "a" took 157 ms in a new process, later ones 30 ms).
   */
  public void prepareSearch() {
    page(new UserQuery("a", UserSort.NAME, false, 0, 100));
    page(new UserQuery("e a", UserSort.NAME, false, 0, 100));
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
