package com.siali.label.persistence;

import static com.siali.label.persistence.jooq.Tables.CLUSTER_SECRETS;

import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Named secrets that every process on the database shares (ADR 0018). A secret is written once and
 * never changed, so nothing goes to the change feed: whoever read it may keep it.
 */
public final class ClusterSecretRepository {

  public Optional<String> find(DSLContext ctx, String name) {
    return ctx.select(CLUSTER_SECRETS.SECRET_VALUE)
        .from(CLUSTER_SECRETS)
        .where(CLUSTER_SECRETS.NAME.eq(name))
        .fetchOptional(CLUSTER_SECRETS.SECRET_VALUE);
  }

  /**
   * Stores {@code value} under {@code name}. Two processes that both found none both insert, and
   * the later commit fails on the key (SQLSTATE 23505): run with {@link InsertRace}, the loser then
   * finds the winner's secret.
   */
  public void insert(DSLContext ctx, String name, String value, Instant now) {
    ctx.insertInto(CLUSTER_SECRETS)
        .set(CLUSTER_SECRETS.NAME, name)
        .set(CLUSTER_SECRETS.SECRET_VALUE, value)
        .set(CLUSTER_SECRETS.CREATED_AT, UserRepository.at(now))
        .execute();
  }
}
