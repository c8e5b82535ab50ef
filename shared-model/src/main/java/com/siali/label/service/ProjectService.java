package com.siali.label.service;

import com.siali.label.model.NotFoundException;
import com.siali.label.model.ProjectSummary;
import com.siali.label.model.ValidationException;
import com.siali.label.persistence.Database;
import com.siali.label.persistence.ProjectRepository;
import com.siali.label.persistence.UserRepository;
import java.time.Clock;
import java.util.List;

/** Projects and annotations, recorded by a labeling front end or a script through the API. */
public final class ProjectService {
  public static final int MAX_TITLE_LENGTH = 200;
  public static final int MAX_DESCRIPTION_LENGTH = 5000;

  private final Database db;
  private final ProjectRepository projects;
  private final UserRepository users;
  private final Clock clock;

  public ProjectService(
      Database db, ProjectRepository projects, UserRepository users, Clock clock) {
    this.db = db;
    this.projects = projects;
    this.users = users;
    this.clock = clock;
  }

  public ProjectSummary create(long creatorId, String title, String description) {
    String t = title == null ? "" : title.strip();
    String d = description == null ? "" : description.strip();
    if (t.isEmpty() || t.length() > MAX_TITLE_LENGTH) {
      throw new ValidationException("title", "A project title must have 1 to 200 characters.");
    }
    if (d.length() > MAX_DESCRIPTION_LENGTH) {
      throw new ValidationException(
          "description", "A project description must be at most 5000 characters.");
    }
    var now = ServiceClock.now(clock);
    return db.inTransaction(
        ctx -> {
          ProjectSummary created = projects.insert(ctx, t, d, creatorId, now);
          users.touchActivity(ctx, creatorId, now);
          return created;
        });
  }

  public List<ProjectSummary> all() {
    return db.inTransaction(projects::all);
  }

  /**
   * Records an annotation by {@code authorId}; {@code resultJson} is stored as given (already valid
   * JSON).
   */
  public long annotate(long projectId, long authorId, String resultJson) {
    var now = ServiceClock.now(clock);
    return db.inTransaction(
        ctx -> {
          if (projects.find(ctx, projectId).isEmpty()) {
            throw new NotFoundException("There is no project with id " + projectId + ".");
          }
          long id = projects.insertAnnotation(ctx, projectId, authorId, resultJson, now);
          users.touchActivity(ctx, authorId, now);
          return id;
        });
  }
}
