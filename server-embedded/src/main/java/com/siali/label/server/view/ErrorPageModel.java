package com.siali.label.server.view;

/** {@code error.jte}: what {@link com.siali.label.server.http.ErrorMapper} shows people. */
public record ErrorPageModel(int status, String message) implements PageModel {
  @Override
  public String template() {
    return "error.jte";
  }
}
