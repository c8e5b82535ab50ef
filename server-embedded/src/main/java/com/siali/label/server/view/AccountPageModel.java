package com.siali.label.server.view;

import com.siali.label.model.User;
import java.util.Optional;

/**
 * {@code account.jte}: profile, picture, API token and password of the signed-in person.
 *
 * @param token the person's API token, shown so that scripts can use it
 * @param notice what the last successful form did, or empty
 * @param error why the last form was refused, shown beside that form's section
 * @param tokenShown whether the token starts revealed (right after Reset token); otherwise it stays
 *     behind Show, a {@code <details>} that needs no script
 */
public record AccountPageModel(
    User user, String token, String notice, Optional<SectionError> error, boolean tokenShown)
    implements PageModel {

  /** The page's forms that can be refused, each showing its own error. */
  public enum Section {
    PROFILE,
    AVATAR,
    PASSWORD
  }

  public record SectionError(Section section, String message) {}

  /** The refusal to show in {@code section}, or empty. */
  public String errorIn(Section section) {
    return error.filter(e -> e.section() == section).map(SectionError::message).orElse("");
  }

  @Override
  public String template() {
    return "account.jte";
  }
}
