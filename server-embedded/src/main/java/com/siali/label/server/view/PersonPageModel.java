package com.siali.label.server.view;

import com.siali.label.model.PersonActivity;
import com.siali.label.model.User;
import java.time.Instant;
import java.util.Map;

/**
 * {@code person.jte}: one person's detail, with the owner's actions on them.
 *
 * @param now the moment "last activity" is counted back from
 * @param administrable whether the viewer is the owner and the person is not
 * @param done what the owner's last action did (a key of {@link #DONE}), or empty
 */
public record PersonPageModel(
    User person, Instant now, PersonActivity activity, boolean administrable, String done)
    implements PageModel {
  /** The sentence after an action, by the {@code ?done=} the action redirects with. */
  public static final Map<String, String> DONE =
      Map.of(
          "deactivated", " was deactivated and signed out everywhere.",
          "activated", " can log in again.",
          "signed-out", " was signed out of every browser.");

  @Override
  public String template() {
    return "person.jte";
  }
}
