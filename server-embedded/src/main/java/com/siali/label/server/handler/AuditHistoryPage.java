package com.siali.label.server.handler;

import com.siali.label.model.AuditPage;
import com.siali.label.model.AuditQuery;
import com.siali.label.model.ValidationException;
import com.siali.label.server.AuditFilters;
import com.siali.label.server.http.WebRequest;
import com.siali.label.server.http.WebResponse;
import com.siali.label.server.view.AuditPageModel;
import com.siali.label.server.view.Pages;
import com.siali.label.service.AuditTrail;
import com.siali.label.service.PeopleDirectory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /audit/}: the History page (the owner only), newest first, with the API's filters; a
 * filter that cannot be read re-renders the page with its message (400).
 */
public final class AuditHistoryPage {
  private static final List<String> FILTERS = List.of("person", "action", "from", "to", "q");

  private final AuditTrail audit;
  private final PeopleDirectory people;
  private final Pages pages;

  public AuditHistoryPage(AuditTrail audit, PeopleDirectory people, Pages pages) {
    this.audit = audit;
    this.people = people;
    this.pages = pages;
  }

  public WebResponse show(WebRequest request) {
    long reader = request.requireUser().id();
    audit.requireReader(reader);
    Map<String, String> typed = new LinkedHashMap<>();
    for (String name : FILTERS) {
      request.queryParam(name).filter(v -> !v.isBlank()).ifPresent(v -> typed.put(name, v));
    }
    AuditQuery query;
    try {
      query = AuditFilters.from(request);
    } catch (ValidationException invalid) {
      var empty = new AuditPage(List.of(), Optional.empty());
      return pages
          .render(request, 400, new AuditPageModel(empty, typed, "", invalid.getMessage()))
          .header("Cache-Control", "no-store");
    }
    String personName =
        query
            .person()
            .map(id -> people.find(id).map(u -> u.email().value()).orElse("account " + id))
            .orElse("");
    return pages
        .render(request, 200, new AuditPageModel(audit.page(reader, query), typed, personName, ""))
        .header("Cache-Control", "no-store");
  }
}
