package com.siali.label.server.api;

import com.siali.label.model.AuditEntry;
import com.siali.label.model.AuditFormat;
import com.siali.label.model.AuditPage;
import com.siali.label.model.AuditQuery;
import com.siali.label.server.AuditFilters;
import com.siali.label.server.http.Json;
import com.siali.label.server.http.WebRequest;
import com.siali.label.server.http.WebResponse;
import com.siali.label.service.AuditTrail;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/audit} (the owner only): a page of the audit log as JSON ({@code results} and the
 * {@code next} page's cursor), or with {@code format=csv|jsonl} every event the filters select, as
 * a file.
 */
public final class AuditApi {
  private final AuditTrail audit;

  public AuditApi(AuditTrail audit) {
    this.audit = audit;
  }

  public WebResponse list(WebRequest request) {
    long reader = request.requireUser().id();
    audit.requireReader(reader); // a member hears 403 whatever the filters say
    AuditQuery query = AuditFilters.from(request);
    if (request.queryParam("format").isPresent()) {
      AuditFormat format = AuditFormat.parse(request.queryParam("format").get(), "format");
      StringBuilder out = new StringBuilder();
      audit.export(reader, query, format, out);
      return WebResponse.bytes(
              200, format.contentType(), out.toString().getBytes(StandardCharsets.UTF_8))
          .header(
              "Content-Disposition", "attachment; filename=\"audit." + format.extension() + "\"")
          .header("Cache-Control", "no-store");
    }
    AuditPage page = audit.page(reader, query);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("results", page.entries().stream().map(AuditApi::json).toList());
    body.put("next", page.next().map(c -> c.text()).orElse(null));
    return WebResponse.json(200, Json.write(body)).header("Cache-Control", "no-store");
  }

  private static Map<String, Object> json(AuditEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.id());
    m.put("time", e.time().toString());
    m.put("actor_id", e.actorId().orElse(null));
    m.put("actor", e.actor());
    m.put("action", e.action().wireName());
    m.put("subject_id", e.subjectId().orElse(null));
    m.put("subject", e.subject());
    m.put("client_address", e.clientAddress());
    m.put("channel", e.channel());
    m.put("outcome", e.outcome());
    m.put("details", e.details());
    return m;
  }
}
