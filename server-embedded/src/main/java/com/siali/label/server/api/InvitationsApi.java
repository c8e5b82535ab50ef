package com.siali.label.server.api;

import com.siali.label.model.PersonalInvitation;
import com.siali.label.model.Timestamps;
import com.siali.label.server.InvitationLinks;
import com.siali.label.server.http.ApiError;
import com.siali.label.server.http.Json;
import com.siali.label.server.http.JsonBody;
import com.siali.label.server.http.WebRequest;
import com.siali.label.server.http.WebResponse;
import com.siali.label.service.PersonalInvitations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/invitations}: personal invitations (issue #17, docs/API.md), the owner only (the
 * service refuses everyone else: 403). A link is in the answer of the request that made it and
 * nowhere else.
 */
public final class InvitationsApi {
  private static final Set<String> FIELDS = Set.of("emails", "expires_in_days");

  private final PersonalInvitations invitations;
  private final InvitationLinks links;

  public InvitationsApi(PersonalInvitations invitations, InvitationLinks links) {
    this.invitations = invitations;
    this.links = links;
  }

  /**
   * {@code 201 {"invitations": [...], "errors": [...]}}: every valid address gets its link, each
   * refused one its reason; {@code 400} with the same fields when no address went through.
   */
  public WebResponse create(WebRequest request) {
    JsonNode body = JsonBody.object(request, FIELDS, Set.of());
    var batch = invitations.invite(request.requireUser().id(), emails(body), expiresInDays(body));
    List<Map<String, Object>> made = new ArrayList<>();
    for (var issued : batch.issued()) {
      PersonalInvitation invitation = issued.invitation();
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", invitation.id());
      json.put("email", invitation.email().value());
      json.put("invite_url", links.personalInvitationLink(request, issued.token()));
      json.put("expires_at", Timestamps.iso(invitation.expiresAt()));
      made.add(json);
    }
    List<Map<String, Object>> errors = new ArrayList<>();
    for (var refused : batch.refused()) {
      errors.add(Map.of("email", refused.email(), "detail", refused.detail()));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    if (made.isEmpty()) {
      answer.put("detail", "No invitation was made: see errors for each address.");
    }
    answer.put("invitations", made);
    answer.put("errors", errors);
    return WebResponse.json(made.isEmpty() ? 400 : 201, Json.write(answer));
  }

  /** Every invitation, newest first, with what became of it; never a link. */
  public WebResponse list(WebRequest request) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (PersonalInvitation invitation : invitations.list(request.requireUser().id())) {
      list.add(json(invitation));
    }
    return WebResponse.json(200, Json.write(list));
  }

  /** Revokes one: {@code 204}; a used one is {@code 409}, an unknown id {@code 404}. */
  public WebResponse revoke(WebRequest request) {
    invitations.revoke(request.requireUser().id(), request.pathId("id"));
    return WebResponse.bytes(204, null, new byte[0]);
  }

  /** Revokes every pending one: {@code 200 {"revoked": N}}. */
  public WebResponse revokeAll(WebRequest request) {
    int revoked = invitations.revokeAll(request.requireUser().id());
    return WebResponse.json(200, Json.write(Map.of("revoked", revoked)));
  }

  private Map<String, Object> json(PersonalInvitation invitation) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", invitation.id());
    json.put("email", invitation.email().value());
    json.put("invited_by", invitation.invitedBy().isEmpty() ? null : invitation.invitedBy());
    json.put("created_at", Timestamps.iso(invitation.createdAt()));
    json.put("expires_at", Timestamps.iso(invitation.expiresAt()));
    json.put("status", invitations.statusOf(invitation).label());
    json.put("used_at", invitation.usedAt().map(Timestamps::iso).orElse(null));
    json.put("revoked_at", invitation.revokedAt().map(Timestamps::iso).orElse(null));
    return json;
  }

  private static List<String> emails(JsonNode body) {
    JsonNode emails = body.get("emails");
    if (emails == null || !emails.isArray()) {
      throw new ApiError(400, "emails must be a list of email addresses.");
    }
    List<String> list = new ArrayList<>();
    for (JsonNode email : emails) {
      if (!email.isString()) {
        throw new ApiError(400, "emails must be a list of email addresses (strings).");
      }
      list.add(email.asString());
    }
    return list;
  }

  private static int expiresInDays(JsonNode body) {
    JsonNode days = body.get("expires_in_days");
    if (days == null || days.isNull()) {
      return PersonalInvitations.DEFAULT_DAYS;
    }
    if (!days.isIntegralNumber() || !days.canConvertToInt()) {
      throw new ApiError(
          400,
          "expires_in_days must be a whole number of days from 1 to "
              + PersonalInvitations.MAX_DAYS
              + ".");
    }
    return days.asInt();
  }
}
