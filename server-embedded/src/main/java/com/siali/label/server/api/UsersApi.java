package com.siali.label.server.api;

import com.siali.label.model.ConflictException;
import com.siali.label.model.PermissionDeniedException;
import com.siali.label.model.ProfileUpdate;
import com.siali.label.model.User;
import com.siali.label.model.UserQuery;
import com.siali.label.model.UserSort;
import com.siali.label.model.UserStatus;
import com.siali.label.server.http.ApiError;
import com.siali.label.server.http.IfMatch;
import com.siali.label.server.http.Json;
import com.siali.label.server.http.JsonBody;
import com.siali.label.server.http.WebRequest;
import com.siali.label.server.http.WebResponse;
import com.siali.label.service.Services;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/users/}: list, read, change one's own profile and picture, and (owner only)
 * deactivate, activate and delete.
 */
public final class UsersApi {
  private static final int BATCH = UserQuery.MAX_LIMIT;

  /** The 409's detail: what happened and how to go on. */
  static String changedSinceRead(long id) {
    return "This account was changed since you read it, so your change was not saved. Read it"
        + " again (GET /api/users/"
        + id
        + "/ gives its current ETag) and send your change with that ETag in If-Match.";
  }

  /** Django REST framework's page size when {@code page} is given without {@code page_size}. */
  static final int DEFAULT_PAGE_SIZE = 100;

  private static final Set<String> PROFILE = Set.of("first_name", "last_name", "phone");
  private static final Set<String> WRITABLE =
      Set.of("first_name", "last_name", "phone", "is_active");
  private static final Set<String> READ_ONLY =
      Set.of(
          "id",
          "email",
          "username",
          "last_activity",
          "avatar",
          "initials",
          "active_organization",
          "date_joined");

  /**
   * The orders {@code ordering} names, as Label Studio spells them; a fixed list, so that a request
   * never names a column (SECURITY.md).
   */
  private static final Map<String, UserSort> ORDERINGS =
      Map.of(
          "last_activity", UserSort.LAST_ACTIVITY,
          "date_joined", UserSort.DATE_JOINED,
          "email", UserSort.EMAIL,
          "name", UserSort.NAME);

  private final Services services;
  private final String scheme;
  private final Optional<String> publicBase;

  /**
   * @param scheme "http" or "https", for the absolute {@code next} and {@code previous} links
   * @param publicBase {@code LABEL_STUDIO_HOST}'s {@code scheme://host[:port]}, on which those
   *     links are made when it is set (behind a load balancer the Host header may name the node)
   */
  public UsersApi(Services services, String scheme, Optional<String> publicBase) {
    this.services = services;
    this.scheme = scheme;
    this.publicBase = publicBase;
  }

  /**
   * Accounts, oldest first unless {@code ordering} says otherwise, narrowed by {@code search} and
   * {@code is_active}. A plain array of everyone shown, as Label Studio scripts expect; with {@code
   * page} or {@code page_size}, one page in Django REST framework's envelope ({@code count}, {@code
   * next}, {@code previous}, {@code results}).
   */
  public WebResponse list(WebRequest request) {
    String search = request.queryParam("search").orElse("");
    UserStatus status =
        request.queryParam("is_active").map(UsersApi::status).orElse(UserStatus.ALL);
    String ordering = request.queryParam("ordering").orElse("date_joined");
    UserSort sort = ORDERINGS.get(ordering.startsWith("-") ? ordering.substring(1) : ordering);
    if (sort == null) {
      throw new ApiError(
          400,
          "ordering must be one of last_activity, date_joined, email, name, each optionally"
              + " preceded by '-' for descending order.");
    }
    boolean descending = ordering.startsWith("-");
    Optional<String> pageParam = request.queryParam("page");
    Optional<String> sizeParam = request.queryParam("page_size");
    if (pageParam.isPresent() || sizeParam.isPresent()) {
      int page = pageParam.map(v -> positive("page", v, Integer.MAX_VALUE)).orElse(1);
      int size =
          sizeParam
              .map(v -> positive("page_size", v, UserQuery.MAX_LIMIT))
              .orElse(DEFAULT_PAGE_SIZE);
      long offset = (long) (page - 1) * size;
      if (offset > Integer.MAX_VALUE - size) {
        throw new ApiError(404, "Invalid page.");
      }
      var result =
          services
              .people()
              .page(new UserQuery(search, sort, descending, (int) offset, size, status));
      if (page > 1 && result.items().isEmpty()) {
        throw new ApiError(404, "Invalid page.");
      }
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("count", result.total());
      json.put("next", result.hasNext() ? link(request, page + 1) : null);
      json.put("previous", page > 1 ? link(request, page - 1) : null);
      json.put("results", result.items().stream().map(UserJson::of).toList());
      return WebResponse.json(200, Json.write(json));
    }
    List<UserJson> all = new ArrayList<>();
    for (int offset = 0; ; offset += BATCH) {
      var page =
          services.people().page(new UserQuery(search, sort, descending, offset, BATCH, status));
      page.items().stream().map(UserJson::of).forEach(all::add);
      if (!page.hasNext()) {
        break;
      }
    }
    return WebResponse.json(200, Json.write(all));
  }

  private static UserStatus status(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "1" -> UserStatus.ACTIVE;
      case "false", "0" -> UserStatus.DEACTIVATED;
      default -> throw new ApiError(400, "is_active must be true or false.");
    };
  }

  private static int positive(String name, String value, int max) {
    int n;
    try {
      n = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      n = 0;
    }
    if (n < 1 || n > max) {
      throw new ApiError(
          400,
          max == Integer.MAX_VALUE
              ? name + " must be a whole number from 1."
              : name + " must be a whole number from 1 to " + max + ".");
    }
    return n;
  }

  /** This list's absolute URL with the same parameters and another page (as DRF links). */
  private String link(WebRequest request, int page) {
    Map<String, List<String>> params = new TreeMap<>(request.query());
    params.put("page", List.of(Integer.toString(page)));
    String base =
        publicBase.orElseGet(() -> scheme + "://" + request.header("host").orElse("localhost"));
    StringBuilder url = new StringBuilder(base).append("/api/users/?");
    String separator = "";
    for (var param : params.entrySet()) {
      for (String value : param.getValue()) {
        url.append(separator)
            .append(URLEncoder.encode(param.getKey(), StandardCharsets.UTF_8))
            .append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        separator = "&";
      }
    }
    return url.toString();
  }

  public WebResponse get(WebRequest request) {
    return UserJson.response(200, services.people().get(request.pathId("id")));
  }

  /**
   * Own profile only (first_name, last_name, phone); {@code is_active} by the owner only, on
   * another account; {@code email} and the other derived fields are read-only; nothing is saved on
   * refusal.
   */
  public WebResponse patch(WebRequest request) {
    User caller = request.requireUser();
    User target = services.people().get(request.pathId("id"));
    var body = JsonBody.object(request, WRITABLE, READ_ONLY);
    Optional<Set<String>> ifMatch = IfMatch.of(request);
    boolean changesProfile = PROFILE.stream().anyMatch(body::has);
    if (!body.has("is_active") || changesProfile) {
      if (target.id() != caller.id()) {
        throw new PermissionDeniedException("You can only change your own profile.");
      }
    }
    var update =
        new ProfileUpdate(
            JsonBody.text(body, "first_name", target.firstName()),
            JsonBody.text(body, "last_name", target.lastName()),
            JsonBody.text(body, "phone", target.phone()));
    try {
      if (body.has("is_active")) {
        return UserJson.response(200, setActive(caller, target, body.get("is_active"), ifMatch));
      }
      // No If-Match: today's last-write-wins, as Label Studio's scripts expect (they send none).
      User updated =
          ifMatch.isPresent()
              ? services.accounts().updateProfileIfVersion(target.id(), ifMatch.get(), update)
              : services.accounts().updateProfile(target.id(), update);
      return UserJson.response(200, updated);
    } catch (ConflictException e) {
      throw new ApiError(409, changedSinceRead(target.id()));
    }
  }

  private User setActive(User caller, User target, JsonNode value, Optional<Set<String>> ifMatch) {
    if (!value.isBoolean()) {
      throw new ApiError(400, "is_active must be true or false.");
    }
    if (!caller.owner()) {
      throw new PermissionDeniedException("Only the owner can deactivate or activate accounts.");
    }
    if (target.id() == caller.id()) {
      throw new ApiError(400, "The owner account cannot be deactivated or activated.");
    }
    var admin = services.administration();
    return ifMatch.isPresent()
        ? admin.setActiveIfVersion(caller.id(), target.id(), value.asBoolean(), ifMatch.get())
        : admin.setActive(caller.id(), target.id(), value.asBoolean());
  }

  /** Owner only, and never the owner account itself (AccountAdministration decides). */
  public WebResponse delete(WebRequest request) {
    services.administration().delete(request.requireUser().id(), request.pathId("id"));
    return WebResponse.bytes(204, null, new byte[0]);
  }

  public WebResponse uploadAvatar(WebRequest request) {
    User target = ownAccount(request, "You can only change your own picture.");
    if (!request.header("content-type").orElse("").startsWith("multipart/form-data")) {
      throw new ApiError(415, "Upload the picture as multipart/form-data in the field 'avatar'.");
    }
    byte[] upload = request.files().get("avatar");
    if (upload == null) {
      throw new ApiError(400, "Upload the picture in the field 'avatar'.");
    }
    return UserJson.response(201, services.avatars().set(target.id(), upload).user());
  }

  public WebResponse deleteAvatar(WebRequest request) {
    User target = ownAccount(request, "You can only change your own picture.");
    services.avatars().remove(target.id());
    return WebResponse.bytes(204, null, new byte[0]);
  }

  /**
   * The path's account, which must be the caller's (404 first: a missing id is not a permission
   * question).
   */
  private User ownAccount(WebRequest request, String refusal) {
    User target = services.people().get(request.pathId("id"));
    if (target.id() != request.requireUser().id()) {
      throw new PermissionDeniedException(refusal);
    }
    return target;
  }
}
