package com.siali.label.app.cli;

import com.siali.label.persistence.DatabaseTarget;
import com.siali.label.service.AuditRetention;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code label-studio start}'s settings after flags and environment variables were combined and
 * checked.
 *
 * @param database the embedded H2 file or PostgreSQL (ADR 0013)
 * @param seedAccount the account to create at start if it does not exist
 * @param https {@code --tls}: serve over HTTPS this time and from now on
 * @param signupRequiresLink {@code LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK}, when set
 * @param node behind a load balancer: trusted proxies, the public URL, the node's name
 * @param auditRetention how long the audit log keeps an event ({@code
 *     LABEL_STUDIO_AUDIT_RETENTION_DAYS})
 */
public record StartOptions(
    Path dataDir,
    DatabaseTarget database,
    Optional<SeedAccount> seedAccount,
    String host,
    int port,
    boolean headless,
    boolean https,
    Optional<Boolean> signupRequiresLink,
    NodeOptions node,
    AuditRetention auditRetention) {

  public record SeedAccount(String email, String password, Optional<String> token) {}
}
