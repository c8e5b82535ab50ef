package com.siali.label.server.throttle;

import com.siali.label.service.AttemptCounters;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * SECURITY.md log-in throttling. Failures count per client address (10 free) and per account from
 * that address (5 free); past that, each further attempt waits exponentially longer, up to 15
 * minutes. Nothing is keyed on the account alone, so somebody guessing from another computer cannot
 * lock the real person out. The address is the request's client address: the TCP peer, or behind a
 * trusted proxy the client it forwards for ({@code TrustedProxies}; never a peer's own claim). The
 * counts are in the database, so guesses spread over several server nodes meet one throttle (ADR
 * 0018).
 */
public final class LoginThrottle {
  private static final Duration LONGEST = Duration.ofMinutes(15);
  private static final Duration MEMORY = Duration.ofHours(1);

  private final Backoff byAddress;
  private final Backoff byAccountFromAddress;

  public LoginThrottle(AttemptCounters counters, Clock clock) {
    byAddress = new Backoff("login.address", 10, LONGEST, MEMORY, counters, clock);
    byAccountFromAddress = new Backoff("login.account", 5, LONGEST, MEMORY, counters, clock);
  }

  /**
   * What the counters said before an attempt.
   *
   * @param delay how long this attempt must wait, or empty if it may go ahead
   * @param failuresOnRecord whether either counter held failures, which a success then resets
   */
  public record Check(Optional<Duration> delay, boolean failuresOnRecord) {}

  /** How long this attempt must wait, or empty if it may go ahead. */
  public Optional<Duration> waitFor(String address, String email) {
    return check(address, email).delay();
  }

  public Check check(String address, String email) {
    List<Backoff.Reading> readings =
        byAccountFromAddress.readWith(pairKey(address, email), byAddress, address);
    Backoff.Reading pair = readings.get(0);
    Backoff.Reading addr = readings.get(1);
    Optional<Duration> wait;
    if (pair.delay().isPresent() && addr.delay().isPresent()) {
      wait =
          Optional.of(
              pair.delay().get().compareTo(addr.delay().get()) > 0
                  ? pair.delay().get()
                  : addr.delay().get());
    } else {
      wait = pair.delay().or(addr::delay);
    }
    return new Check(wait, pair.counted() || addr.counted());
  }

  public void recordFailure(String address, String email) {
    byAddress.recordFailure(address);
    byAccountFromAddress.recordFailure(pairKey(address, email));
  }

  public void recordSuccess(String address, String email) {
    byAccountFromAddress.reset(pairKey(address, email));
    byAddress.reset(address);
  }

  /**
   * A success after {@code before}: the counters are reset only if it found failures on record, so
   * that the usual log-in, with none, costs no write (two transactions fewer on PostgreSQL). A
   * failure that another attempt records between the check and this success is kept: it expires.
   */
  public void recordSuccess(String address, String email, Check before) {
    if (before.failuresOnRecord()) {
      recordSuccess(address, email);
    }
  }

  private static String pairKey(String address, String email) {
    return address + "|" + email.strip().toLowerCase(Locale.ROOT);
  }
}
