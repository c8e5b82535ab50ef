package com.siali.label.server.handler;

import com.siali.label.server.http.WebRequest;
import com.siali.label.server.http.WebResponse;
import com.siali.label.server.view.HomePageModel;
import com.siali.label.server.view.Pages;
import com.siali.label.service.PeopleDirectory;

/** {@code GET /}: the signed-in person's projects. */
public final class HomePage {
  private final PeopleDirectory people;
  private final Pages pages;

  public HomePage(PeopleDirectory people, Pages pages) {
    this.people = people;
    this.pages = pages;
  }

  public WebResponse show(WebRequest request) {
    return pages.render(
        request, 200, new HomePageModel(people.activityOf(request.requireUser().id())));
  }
}
