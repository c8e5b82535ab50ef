package com.siali.label.persistence;

import static com.siali.label.persistence.jooq.Tables.AVATAR_PICTURES;

import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The bytes of profile pictures (ADR 0018), one per account, under the generated name that the
 * account's row names. The account's row change ({@link UserRepository#setAvatar}) is what the
 * change feed carries; the picture is written in the same transaction.
 */
public final class AvatarPictureRepository {

  /** The account's picture is now {@code content} under {@code name} (replacing any other). */
  public void put(DSLContext ctx, long userId, String name, byte[] content, Instant now) {
    remove(ctx, userId);
    ctx.insertInto(AVATAR_PICTURES)
        .set(AVATAR_PICTURES.USER_ID, userId)
        .set(AVATAR_PICTURES.NAME, name)
        .set(AVATAR_PICTURES.CONTENT, content)
        .set(AVATAR_PICTURES.CREATED_AT, UserRepository.at(now))
        .execute();
  }

  public void remove(DSLContext ctx, long userId) {
    ctx.deleteFrom(AVATAR_PICTURES).where(AVATAR_PICTURES.USER_ID.eq(userId)).execute();
  }

  public Optional<byte[]> content(DSLContext ctx, String name) {
    return ctx.select(AVATAR_PICTURES.CONTENT)
        .from(AVATAR_PICTURES)
        .where(AVATAR_PICTURES.NAME.eq(name))
        .fetchOptional(AVATAR_PICTURES.CONTENT);
  }

  public boolean exists(DSLContext ctx, String name) {
    return ctx.fetchExists(AVATAR_PICTURES, AVATAR_PICTURES.NAME.eq(name));
  }
}
