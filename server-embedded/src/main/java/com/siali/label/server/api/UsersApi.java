package com.siali.label.server.api;

import com.siali.label.model.PermissionDeniedException;
import com.siali.label.model.ProfileUpdate;
import com.siali.label.model.User;
import com.siali.label.model.UserQuery;
import com.siali.label.model.UserSort;
import com.siali.label.server.http.ApiError;
import com.siali.label.server.http.Json;
import com.siali.label.server.http.JsonBody;
import com.siali.label.server.http.WebRequest;
import com.siali.label.server.http.WebResponse;
import com.siali.label.service.Services;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code /api/users/}: list, read, change one's own profile and picture, and (owner only) delete.
 */
public final class UsersApi {
  private static final int BATCH = UserQuery.MAX_LIMIT;
  private static final Set<String> WRITABLE = Set.of("first_name", "last_name", "phone");
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

  private final Services services;

  public UsersApi(Services services) {
    this.services = services;
  }

  /** All accounts, oldest first, as Label Studio lists them. */
  public WebResponse list(WebRequest request) {
    List<UserJson> all = new ArrayList<>();
    for (int offset = 0; ; offset += BATCH) {
      var page =
          services.people().page(new UserQuery("", UserSort.DATE_JOINED, false, offset, BATCH));
      page.items().stream().map(UserJson::of).forEach(all::add);
      if (!page.hasNext()) {
        break;
      }
    }
    return WebResponse.json(200, Json.write(all));
  }

  public WebResponse get(WebRequest request) {
    return WebResponse.json(
        200, Json.write(UserJson.of(services.people().get(request.pathId("id")))));
  }

  /**
   * Own profile only; {@code email} and the other derived fields are read-only; nothing is saved on
   * refusal.
   */
  public WebResponse patch(WebRequest request) {
    User target = ownAccount(request, "You can only change your own profile.");
    var body = JsonBody.object(request, WRITABLE, READ_ONLY);
    var update =
        new ProfileUpdate(
            JsonBody.text(body, "first_name", target.firstName()),
            JsonBody.text(body, "last_name", target.lastName()),
            JsonBody.text(body, "phone", target.phone()));
    return WebResponse.json(
        200, Json.write(UserJson.of(services.accounts().updateProfile(target.id(), update))));
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
    User updated = services.avatars().set(target.id(), upload).user();
    return WebResponse.json(201, Json.write(UserJson.of(updated)));
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
