package com.siali.label.server.view;

import com.siali.label.model.PersonActivity;

/** {@code home.jte}: the signed-in person's projects. */
public record HomePageModel(PersonActivity activity) implements PageModel {
  @Override
  public String template() {
    return "home.jte";
  }
}
