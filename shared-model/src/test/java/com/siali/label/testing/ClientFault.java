package com.siali.label.testing;

import com.siali.label.model.ValidationException;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The rule every fuzz target holds untrusted input to: it is decoded, or refused as the client's
 * mistake (an exception the server answers with a 4xx and a sentence), never anything else. An
 * {@code IndexOutOfBoundsException}, a {@code NumberFormatException}, an {@code OutOfMemoryError}
 * or a {@code StackOverflowError} escaping from a parser would be a 500, or worse: that is a
 * finding. Shared through this module's test jar.
 */
public final class ClientFault {
  private ClientFault() {}

  /**
   * What {@code decode} returned, or empty when it refused the input with an exception {@code
   * clientsFault} accepts and a message for the client.
   *
   * @throws AssertionError for any other failure, with it as the cause
   */
  public static <T> Optional<T> decodedOrRefused(
      Supplier<T> decode, Predicate<Throwable> clientsFault) {
    try {
      return Optional.of(decode.get());
    } catch (Throwable failure) {
      if (clientsFault.test(failure)
          && failure.getMessage() != null
          && !failure.getMessage().isBlank()) {
        return Optional.empty();
      }
      throw new AssertionError("not refused as the client's mistake: " + failure, failure);
    }
  }

  /** The domain's refusal of a value ({@code ErrorMapper} answers it with a 400). */
  public static boolean validation(Throwable failure) {
    return failure instanceof ValidationException;
  }
}
