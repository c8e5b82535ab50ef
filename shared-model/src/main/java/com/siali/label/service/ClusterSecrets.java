package com.siali.label.service;

import com.siali.label.persistence.ClusterSecretRepository;
import com.siali.label.persistence.Database;
import com.siali.label.persistence.InsertRace;
import com.siali.label.security.Signer;
import com.siali.label.security.Tokens;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secrets shared by every process on the database (ADR 0018), so that what one server node signs
 * another one accepts: made from {@code SecureRandom} by the first process that needs one, read by
 * the others. Two nodes starting together race to insert it; the loser reads the winner's ({@link
 * InsertRace}), so they agree on one. A secret never changes, so each process keeps what it read.
 * Only {@link Signer}s leave this class, never the secret itself (it is never logged).
 */
public final class ClusterSecrets {
  static final int SECRET_BYTES = 32;

  private final Database db;
  private final ClusterSecretRepository secrets;
  private final Clock clock;
  private final ConcurrentHashMap<String, Signer> signers = new ConcurrentHashMap<>();

  public ClusterSecrets(Database db, ClusterSecretRepository secrets, Clock clock) {
    this.db = db;
    this.secrets = secrets;
    this.clock = clock;
  }

  /** The signer for {@code purpose} (one secret per purpose), made on first use. */
  public Signer signer(String purpose) {
    return signers.computeIfAbsent(purpose, name -> new Signer(secret(name)));
  }

  private String secret(String name) {
    return InsertRace.retrying(
        () ->
            db.inTransaction(
                ctx ->
                    secrets
                        .find(ctx, name)
                        .orElseGet(
                            () -> {
                              String made = Tokens.randomUrlSafe(SECRET_BYTES);
                              secrets.insert(ctx, name, made, ServiceClock.now(clock));
                              return made;
                            })));
  }
}
