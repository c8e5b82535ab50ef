package com.siali.label.server.api;

import com.siali.label.model.User;
import com.siali.label.model.UserQuery;
import com.siali.label.model.UserSort;
import com.siali.label.server.http.Json;
import com.siali.label.server.http.WebRequest;
import com.siali.label.server.http.WebResponse;
import com.siali.label.service.PeopleDirectory;
import java.util.ArrayList;
import java.util.List;

/** {@code /api/users/}: every account, and one account. */
public final class UsersApi {
  private static final int BATCH = UserQuery.MAX_LIMIT;
  private final PeopleDirectory people;

  public UsersApi(PeopleDirectory people) {
    this.people = people;
  }

  /** All accounts, oldest first, as Label Studio lists them. */
  public WebResponse list(WebRequest request) {
    List<UserJson> all = new ArrayList<>();
    for (int offset = 0; ; offset += BATCH) {
      var page = people.page(new UserQuery("", UserSort.DATE_JOINED, false, offset, BATCH));
      page.items().stream().map(UserJson::of).forEach(all::add);
      if (!page.hasNext()) {
        break;
      }
    }
    return WebResponse.json(200, Json.write(all));
  }

  public WebResponse get(WebRequest request) {
    User user = people.get(request.pathId("id"));
    return WebResponse.json(200, Json.write(UserJson.of(user)));
  }
}
