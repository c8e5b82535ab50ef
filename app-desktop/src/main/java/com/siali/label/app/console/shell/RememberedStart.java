package com.siali.label.app.console.shell;

import com.siali.label.app.console.people.PeopleModel;
import com.siali.label.app.console.signin.RememberedSignIn;
import com.siali.label.model.Page;
import com.siali.label.model.User;
import com.siali.label.service.PeopleDirectory;
import java.util.Optional;

/**
 * What the window opens on when an account is remembered ("keep me signed in"): that account and
 * the first page of People. The launcher reads it before the window is built, off the UI thread and
 * while the toolkit starts, so the window shows the table filled from its first frame. Read after
 * the window showed, the first page arrived only once JavaFX's first layout and render of the
 * window were done: 0.25–0.7 s later at 100 000 accounts.
 */
public record RememberedStart(User user, Page<User> firstPeople, long accounts) {

  public static Optional<RememberedStart> read(
      RememberedSignIn remembered, PeopleDirectory people) {
    return remembered
        .restore()
        .map(
            user ->
                new RememberedStart(user, people.page(PeopleModel.firstQuery()), people.count()));
  }
}
