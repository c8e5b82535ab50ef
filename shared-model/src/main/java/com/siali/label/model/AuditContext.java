package com.siali.label.model;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Who is acting and from where, for the audit log: the channel, the signed-in account (if any) and
 * the client's address. It is a property of the request or the window, not of a use case, so each
 * entry point binds it once ({@link #call}) around the work it hands to the services (the router
 * around every handler, the window around every background task, a command around its call), and
 * the audit trail reads it when it records. Unbound, it is {@link #SYSTEM}.
 *
 * <p>A {@link ScopedValue}: immutable, visible only inside the bound call on its own thread, and
 * gone when the call returns, so nothing leaks from one request to the next on a pooled thread.
 */
public record AuditContext(AuditChannel channel, Optional<Long> signedIn, String clientAddress) {
  private static final ScopedValue<AuditContext> CURRENT = ScopedValue.newInstance();
  public static final AuditContext SYSTEM =
      new AuditContext(AuditChannel.SYSTEM, Optional.empty(), "");

  public AuditContext {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(signedIn, "signedIn");
    clientAddress = clientAddress == null ? "" : clientAddress;
  }

  /** A request to the LAN pages or the API, from {@code address}, by {@code signedIn} if any. */
  public static AuditContext web(Optional<Long> signedIn, String address) {
    return new AuditContext(AuditChannel.WEB, signedIn, address);
  }

  /** The admin window, signed in as {@code signedIn} (empty on the sign-in screen). */
  public static AuditContext window(Optional<Long> signedIn) {
    return new AuditContext(AuditChannel.WINDOW, signedIn, "");
  }

  /** A {@code label-studio} command run by whoever can open the installation. */
  public static AuditContext commandLine() {
    return new AuditContext(AuditChannel.COMMAND_LINE, Optional.empty(), "");
  }

  /** The context bound around the current call, else {@link #SYSTEM}. */
  public static AuditContext current() {
    return CURRENT.orElse(SYSTEM);
  }

  /** Runs {@code work} with this context bound; its exceptions pass through unchanged. */
  public <T> T call(Callable<T> work) throws Exception {
    return ScopedValue.where(CURRENT, this).call(work::call);
  }

  /** {@link #call} for work that throws no checked exception. */
  public void run(Runnable work) {
    ScopedValue.where(CURRENT, this).run(work);
  }
}
