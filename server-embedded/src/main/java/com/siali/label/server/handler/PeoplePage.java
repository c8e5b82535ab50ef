package com.siali.label.server.handler;

import com.siali.label.model.Page;
import com.siali.label.model.User;
import com.siali.label.model.UserQuery;
import com.siali.label.model.UserSort;
import com.siali.label.model.UserStatus;
import com.siali.label.server.InvitationLinks;
import com.siali.label.server.http.WebRequest;
import com.siali.label.server.http.WebResponse;
import com.siali.label.server.view.Pages;
import com.siali.label.server.view.PeoplePageModel;
import com.siali.label.server.view.PersonPageModel;
import com.siali.label.server.view.QrCodes;
import com.siali.label.service.Services;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * {@code /people/}: everyone, searchable and paged; a person's detail; "+ Add People" with the
 * invitation link.
 */
public final class PeoplePage {
  static final int PAGE_SIZE = 25;

  /** The orders the column headers offer, as written in {@code ?sort=}. */
  private static final Map<String, UserSort> SORTS =
      Map.of(
          "name", UserSort.NAME,
          "-name", UserSort.NAME,
          "last_activity", UserSort.LAST_ACTIVITY,
          "-last_activity", UserSort.LAST_ACTIVITY,
          "date_joined", UserSort.DATE_JOINED,
          "-date_joined", UserSort.DATE_JOINED);

  private static final int MAX_SEARCH = 200;

  private final Services services;
  private final Pages pages;
  private final Clock clock;
  private final InvitationLinks links;

  public PeoplePage(Services services, Pages pages, Clock clock, InvitationLinks links) {
    this.services = services;
    this.pages = pages;
    this.clock = clock;
    this.links = links;
  }

  public WebResponse list(WebRequest request) {
    String search = request.queryParam("q").map(String::strip).orElse("");
    if (search.length() > MAX_SEARCH) {
      search = search.substring(0, MAX_SEARCH);
    }
    int pageNumber = request.queryParam("page").map(PeoplePage::positive).orElse(1);
    String sort = request.queryParam("sort").filter(SORTS::containsKey).orElse("name");
    UserStatus status = status(request);
    Page<User> page =
        services
            .people()
            .page(
                new UserQuery(
                    search,
                    SORTS.get(sort),
                    sort.startsWith("-"),
                    (pageNumber - 1) * PAGE_SIZE,
                    PAGE_SIZE,
                    status));
    String link = links.forRequest(request, services.invitations().currentToken());
    return pages.render(
        request,
        200,
        new PeoplePageModel(
            page,
            search,
            pageNumber,
            sort,
            status,
            request.requireUser().owner(),
            request
                .queryParam("deleted")
                .map(d -> d.length() > 300 ? d.substring(0, 300) : d)
                .orElse(""),
            clock.instant(),
            link,
            request.queryParam("invite").isPresent()));
  }

  public WebResponse detail(WebRequest request) {
    User person = services.people().get(request.pathId("id"));
    return pages.render(
        request,
        200,
        new PersonPageModel(
            person,
            clock.instant(),
            services.people().activityOf(person.id()),
            request.requireUser().owner() && !person.owner(),
            request.queryParam("done").filter(PersonPageModel.DONE::containsKey).orElse("")));
  }

  /** People as CSV, the owner only (the filter of the list applies); a download, never cached. */
  public WebResponse exportCsv(WebRequest request) {
    StringBuilder csv = new StringBuilder();
    services.people().exportCsv(request.requireUser().id(), status(request), csv);
    return WebResponse.bytes(
            200, "text/csv; charset=utf-8", csv.toString().getBytes(StandardCharsets.UTF_8))
        .header("Content-Disposition", "attachment; filename=\"people.csv\"")
        .header("Cache-Control", "no-store");
  }

  private static UserStatus status(WebRequest request) {
    return switch (request.queryParam("status").orElse("all")) {
      case "active" -> UserStatus.ACTIVE;
      case "deactivated" -> UserStatus.DEACTIVATED;
      default -> UserStatus.ALL;
    };
  }

  public WebResponse qrCode(WebRequest request) {
    String link = links.forRequest(request, services.invitations().currentToken());
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
