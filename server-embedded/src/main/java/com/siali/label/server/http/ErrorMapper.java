package com.siali.label.server.http;

import com.siali.label.model.AlreadyExistsException;
import com.siali.label.model.AuthenticationFailedException;
import com.siali.label.model.ConflictException;
import com.siali.label.model.DomainException;
import com.siali.label.model.NotFoundException;
import com.siali.label.model.PermissionDeniedException;
import com.siali.label.model.ServiceBusyException;
import com.siali.label.model.StorageUnavailableException;
import com.siali.label.model.ValidationException;
import io.undertow.server.RequestTooBigException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * Every failure becomes a response here, and only here: {@code {"detail": ...}} with the right
 * status for the API, an error page for the rest. Unexpected exceptions are logged once and shown
 * as a plain 500.
 */
public final class ErrorMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  /** Renders an error page for people (the view layer supplies it). */
  @FunctionalInterface
  public interface ErrorPage {
    WebResponse render(int status, String message);
  }

  private final ErrorPage page;

  public ErrorMapper(ErrorPage page) {
    this.page = page;
  }

  public WebResponse map(String path, Throwable failure) {
    int status;
    String message;
    switch (failure) {
      case ApiError e -> {
        status = e.status();
        message = e.getMessage();
      }
      case DomainException e -> {
        status = statusOf(e);
        message = e.getMessage();
      }
      case MalformedRequestException e -> {
        // One line, no stack trace: the client's mistake, not the server's; never the bytes sent.
        LOG.warn(
            "malformed request on {} refused with {}: {}{}",
            path,
            e.status(),
            e.getMessage(),
            e.kind().isEmpty() ? "" : " (" + e.kind() + ")");
        status = e.status();
        message = e.getMessage();
      }
      case RequestTooBigException e -> {
        status = 413;
        message = "The request is too large.";
      }
      case JacksonException e -> {
        status = 400;
        message = "The request body is not valid JSON.";
      }
      default -> {
        LOG.error("unexpected failure on {}", path, failure);
        status = 500;
        message = "Something went wrong on the server. The problem was logged.";
      }
    }
    return respond(path, status, message);
  }

  public WebResponse respond(String path, int status, String message) {
    WebResponse response =
        answersJson(path)
            ? WebResponse.json(status, Json.write(Map.of("detail", message)))
            : page.render(status, message);
    if (status == 503 || status == 429) {
      response.header("Retry-After", "5");
    }
    return response;
  }

  static boolean isApi(String path) {
    return path.equals("/api") || path.startsWith("/api/");
  }

  /**
   * The API, and the files API clients fetch by token ({@code /data/avatars/}): an error there is
   * {@code {"detail": …}} (a bad token is a 401 a script can read; an HTML page in an image's place
   * helps nobody).
   */
  static boolean answersJson(String path) {
    return isApi(path) || path.startsWith("/data/");
  }

  private static int statusOf(DomainException e) {
    return switch (e) {
      case ValidationException v -> 400;
      case AlreadyExistsException a -> 400;
      case NotFoundException n -> 404;
      case PermissionDeniedException p -> 403;
      case AuthenticationFailedException a -> 401;
      case ServiceBusyException s -> 503;
      case ConflictException c -> 409;
      case StorageUnavailableException s -> 503;
    };
  }
}
