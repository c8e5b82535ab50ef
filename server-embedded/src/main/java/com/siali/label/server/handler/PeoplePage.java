package com.siali.label.server.handler;

import com.siali.label.model.Page;
import com.siali.label.model.User;
import com.siali.label.model.UserQuery;
import com.siali.label.model.UserSort;
import com.siali.label.server.InvitationLinks;
import com.siali.label.server.http.WebRequest;
import com.siali.label.server.http.WebResponse;
import com.siali.label.server.view.Pages;
import com.siali.label.server.view.PeoplePageModel;
import com.siali.label.server.view.PersonPageModel;
import com.siali.label.server.view.QrCodes;
import com.siali.label.service.Services;
import java.time.Clock;

/**
 * {@code /people/}: everyone, searchable and paged; a person's detail; "+ Add People" with the
 * invitation link.
 */
public final class PeoplePage {
  static final int PAGE_SIZE = 25;
  private static final int MAX_SEARCH = 200;

  private final Services services;
  private final Pages pages;
  private final Clock clock;
  private final String scheme;

  public PeoplePage(Services services, Pages pages, Clock clock, String scheme) {
    this.services = services;
    this.pages = pages;
    this.clock = clock;
    this.scheme = scheme;
  }

  public WebResponse list(WebRequest request) {
    String search = request.queryParam("q").map(String::strip).orElse("");
    if (search.length() > MAX_SEARCH) {
      search = search.substring(0, MAX_SEARCH);
    }
    int pageNumber = request.queryParam("page").map(PeoplePage::positive).orElse(1);
    Page<User> page =
        services
            .people()
            .page(
                new UserQuery(
                    search, UserSort.NAME, false, (pageNumber - 1) * PAGE_SIZE, PAGE_SIZE));
    String link =
        InvitationLinks.forRequest(request, scheme, services.invitations().currentToken());
    return pages.render(
        request,
        200,
        new PeoplePageModel(
            page,
            search,
            pageNumber,
            clock.instant(),
            link,
            request.queryParam("invite").isPresent()));
  }

  public WebResponse detail(WebRequest request) {
    User person = services.people().get(request.pathId("id"));
    return pages.render(
        request,
        200,
        new PersonPageModel(person, clock.instant(), services.people().activityOf(person.id())));
  }

  public WebResponse qrCode(WebRequest request) {
    String link =
        InvitationLinks.forRequest(request, scheme, services.invitations().currentToken());
    return WebResponse.bytes(200, "image/png", QrCodes.png(link, 240))
        .header("Cache-Control", "no-store");
  }

  /** Reset Link: the old token is refused from this moment (SPEC §5). */
  public WebResponse resetLink(WebRequest request) {
    services.invitations().resetLink(request.requireUser().id());
    return WebResponse.redirect("/people/?invite=reset#add-people");
  }

  private static int positive(String text) {
    try {
      return Math.max(1, Math.min(Integer.parseInt(text), 1_000_000));
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
