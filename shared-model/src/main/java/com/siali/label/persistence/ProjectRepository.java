package com.siali.label.persistence;

import static com.siali.label.persistence.jooq.Tables.ANNOTATIONS;
import static com.siali.label.persistence.jooq.Tables.PROJECTS;

import com.siali.label.model.ProjectSummary;
import com.siali.label.persistence.jooq.tables.records.ProjectsRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Projects and annotations: enough to say what a person created and contributed to. */
public final class ProjectRepository {
  private final ChangeFeed changes;

  public ProjectRepository(ChangeFeed changes) {
    this.changes = changes;
  }

  public ProjectSummary insert(
      DSLContext ctx, String title, String description, long creatorId, Instant now) {
    ProjectsRecord r =
        ctx.insertInto(PROJECTS)
            .set(PROJECTS.TITLE, title)
            .set(PROJECTS.DESCRIPTION, description)
            .set(PROJECTS.CREATED_BY, creatorId)
            .set(PROJECTS.CREATED_AT, UserRepository.at(now))
            .returning()
            .fetchSingle();
    changes.record(ctx, ChangeKind.PROJECT_RECORDED, creatorId);
    return toSummary(r);
  }

  public Optional<ProjectSummary> find(DSLContext ctx, long projectId) {
    return ctx.selectFrom(PROJECTS)
        .where(PROJECTS.ID.eq(projectId))
        .fetchOptional(ProjectRepository::toSummary);
  }

  public List<ProjectSummary> all(DSLContext ctx) {
    return ctx.selectFrom(PROJECTS).orderBy(PROJECTS.ID).fetch(ProjectRepository::toSummary);
  }

  public long insertAnnotation(
      DSLContext ctx, long projectId, long authorId, String resultJson, Instant now) {
    long id =
        ctx.insertInto(ANNOTATIONS)
            .set(ANNOTATIONS.PROJECT_ID, projectId)
            .set(ANNOTATIONS.AUTHOR_ID, authorId)
            .set(ANNOTATIONS.RESULT, resultJson)
            .set(ANNOTATIONS.CREATED_AT, UserRepository.at(now))
            .returning(ANNOTATIONS.ID)
            .fetchSingle()
            .getId();
    changes.record(ctx, ChangeKind.ANNOTATION_RECORDED, authorId);
    return id;
  }

  public List<ProjectSummary> createdBy(DSLContext ctx, long userId) {
    return ctx.selectFrom(PROJECTS)
        .where(PROJECTS.CREATED_BY.eq(userId))
        .orderBy(PROJECTS.ID)
        .fetch(ProjectRepository::toSummary);
  }

  public List<ProjectSummary> contributedToBy(DSLContext ctx, long userId) {
    return ctx.selectFrom(PROJECTS)
        .where(
            PROJECTS.ID.in(
                DSL.selectDistinct(ANNOTATIONS.PROJECT_ID)
                    .from(ANNOTATIONS)
                    .where(ANNOTATIONS.AUTHOR_ID.eq(userId))))
        .orderBy(PROJECTS.ID)
        .fetch(ProjectRepository::toSummary);
  }

  private static ProjectSummary toSummary(ProjectsRecord r) {
    return new ProjectSummary(
        r.getId(),
        r.getTitle(),
        r.getDescription(),
        Optional.ofNullable(r.getCreatedBy()),
        r.getCreatedAt().toInstant());
  }
}
