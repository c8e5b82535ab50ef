package com.siali.label.server.view;

import com.siali.label.model.PersonalInvitation;
import com.siali.label.service.PersonalInvitations;
import java.time.Instant;
import java.util.List;

/**
 * {@code invitations.jte}: "Invite by email" (issue #17): the form, the links just made (shown this
 * once), the addresses refused and why, and every invitation with its status.
 *
 * @param emails what the owner typed, kept after a refusal
 * @param days the expiry chosen
 * @param notice what the last action did, or empty
 */
public record InvitationsPageModel(
    String emails,
    int days,
    List<IssuedLink> issued,
    List<PersonalInvitations.Refused> refused,
    List<Row> invitations,
    String notice,
    String error)
    implements PageModel {

  /** A link just made. {@code qrSvg} is made by {@link QrCodes#svg} (no user text). */
  public record IssuedLink(String email, String link, String qrSvg, Instant expiresAt) {}

  /** One invitation in the list, with its status now. */
  public record Row(PersonalInvitation invitation, PersonalInvitation.Status status) {
    public boolean pending() {
      return status == PersonalInvitation.Status.PENDING;
    }
  }

  public int maxDays() {
    return PersonalInvitations.MAX_DAYS;
  }

  public boolean anyPending() {
    return invitations.stream().anyMatch(Row::pending);
  }

  @Override
  public String template() {
    return "invitations.jte";
  }
}
