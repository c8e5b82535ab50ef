package com.siali.label.server.http;

import com.siali.label.model.ValidationException;
import com.siali.label.testing.ClientFault;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;

/**
 * {@link ClientFault} for the HTTP layer: the refusals {@link ErrorMapper} answers with a 4xx and
 * no stack trace in the log.
 */
final class HttpClientFault {
  private HttpClientFault() {}

  static <T> Optional<T> decodedOrRefused(Supplier<T> decode) {
    return ClientFault.decodedOrRefused(decode, HttpClientFault::refusal);
  }

  static boolean refusal(Throwable failure) {
    return switch (failure) {
      case MalformedRequestException e -> isClientError(e.status());
      case ApiError e -> isClientError(e.status());
      case ValidationException e -> true;
      case JacksonException e -> true; // ErrorMapper: 400 "The request body is not valid JSON."
      default -> false;
    };
  }

  private static boolean isClientError(int status) {
    return status >= 400 && status < 500;
  }
}
