package com.siali.label.server.view;

import com.siali.label.model.PersonActivity;
import com.siali.label.model.User;
import java.time.Instant;

/**
 * {@code person.jte}: one person's detail.
 *
 * @param now the moment "last activity" is counted back from
 */
public record PersonPageModel(User person, Instant now, PersonActivity activity)
    implements PageModel {
  @Override
  public String template() {
    return "person.jte";
  }
}
