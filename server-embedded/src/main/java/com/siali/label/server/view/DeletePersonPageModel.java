package com.siali.label.server.view;

import com.siali.label.model.User;

/** {@code person_delete.jte}: "Delete this account?", naming the person. */
public record DeletePersonPageModel(User person) implements PageModel {
  @Override
  public String template() {
    return "person_delete.jte";
  }
}
