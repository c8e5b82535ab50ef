package com.siali.label.server.view;

import com.siali.label.model.AuditAction;
import com.siali.label.model.AuditPage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code audit.jte}: one page of the audit log with the filters it was read with, as typed (so the
 * form shows them again), and the message of a filter that could not be read.
 *
 * @param filters the query's filters by name ({@code person}, {@code action}, {@code from}, {@code
 *     to}, {@code q}), empty ones left out
 * @param personName whom {@code person} names, or empty
 */
public record AuditPageModel(
    AuditPage events, Map<String, String> filters, String personName, String error)
    implements PageModel {
  public AuditPageModel {
    filters = Map.copyOf(filters);
  }

  @Override
  public String template() {
    return "audit.jte";
  }

  public String filter(String name) {
    return filters.getOrDefault(name, "");
  }

  public AuditAction[] actions() {
    return AuditAction.values();
  }

  /** The link to the next (older) page: the same filters and the cursor. */
  public String olderLink() {
    Map<String, String> query = new LinkedHashMap<>(filters);
    events.next().ifPresent(c -> query.put("before", c.text()));
    return link(query);
  }

  /** The export link in {@code format}, with the same filters (every page of them). */
  public String exportLink(String format) {
    Map<String, String> query = new LinkedHashMap<>(filters);
    query.put("format", format);
    return "/api/audit" + link(query).substring("/audit/".length());
  }

  private static String link(Map<String, String> query) {
    String encoded =
        query.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return "/audit/" + (encoded.isEmpty() ? "" : "?" + encoded);
  }
}
