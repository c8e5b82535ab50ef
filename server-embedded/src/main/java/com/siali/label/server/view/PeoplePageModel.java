package com.siali.label.server.view;

import com.siali.label.model.Page;
import com.siali.label.model.User;
import java.time.Instant;

/**
 * {@code people.jte}: one page of People and the "+ Add People" card.
 *
 * @param search the search words as used (stripped and shortened), or empty
 * @param pageNumber counted from 1
 * @param now the moment "last activity" is counted back from
 * @param linkReset true right after Reset Link, to say that the old link stopped working
 */
public record PeoplePageModel(
    Page<User> people,
    String search,
    int pageNumber,
    Instant now,
    String inviteLink,
    boolean linkReset)
    implements PageModel {
  @Override
  public String template() {
    return "people.jte";
  }
}
