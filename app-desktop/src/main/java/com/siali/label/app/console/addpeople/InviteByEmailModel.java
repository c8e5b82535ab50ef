package com.siali.label.app.console.addpeople;

import com.siali.label.app.console.common.Background;
import com.siali.label.app.console.common.StatusMessage;
import com.siali.label.app.console.server.ServerStatus;
import com.siali.label.model.EmailList;
import com.siali.label.model.PersonalInvitation;
import com.siali.label.model.User;
import com.siali.label.service.PersonalInvitations;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Invite by email" (issue #17), the owner's part of Add People: addresses pasted one per line or
 * comma-separated, an expiry, a link of its own for each (shown once: Copy, QR code), and every
 * invitation with its status, with Revoke and Revoke all. The list follows the change feed, so an
 * invitation made or used on the web, the API or the command line shows within a second.
 */
public final class InviteByEmailModel {
  /** A link just made, for the one person it names. */
  public record IssuedLink(String email, String link, Instant expiresAt) {}

  /** One invitation in the list, with its status when it was read. */
  public record Row(
      long id,
      String email,
      String invitedBy,
      Instant created,
      Instant expires,
      PersonalInvitation.Status status) {
    public boolean pending() {
      return status == PersonalInvitation.Status.PENDING;
    }
  }

  private final PersonalInvitations invitations;
  private final ServerStatus server;
  private final Background background;
  private final ObjectProperty<User> signedIn;

  private final StringProperty emails = new SimpleStringProperty("");
  private final IntegerProperty days = new SimpleIntegerProperty(PersonalInvitations.DEFAULT_DAYS);
  private final ObservableList<IssuedLink> issued = FXCollections.observableArrayList();
  private final ObservableList<Row> rows = FXCollections.observableArrayList();
  private final BooleanProperty available = new SimpleBooleanProperty(false);
  private final StatusMessage status = new StatusMessage();

  public InviteByEmailModel(
      PersonalInvitations invitations,
      ServerStatus server,
      Background background,
      ObjectProperty<User> signedIn) {
    this.invitations = invitations;
    this.server = server;
    this.background = background;
    this.signedIn = signedIn;
  }

  /** Reads the list again (the owner's only: for anyone else the section stays hidden). */
  public void load() {
    User me = signedIn.get();
    boolean owner = me != null && me.owner();
    available.set(owner);
    if (!owner) {
      rows.clear();
      return;
    }
    long actor = me.id();
    background.run(() -> rowsOf(invitations.list(actor)), list -> rows.setAll(list), status::fail);
  }

  /** Invites every address typed; the refused ones stay in the box with their reasons below. */
  public void invite() {
    long actor = signedIn.get().id();
    List<String> typed = EmailList.split(emails.get());
    int expiry = days.get();
    background.run(
        () -> {
          var batch = invitations.invite(actor, typed, expiry);
          return new Outcome(batch, rowsOf(invitations.list(actor)));
        },
        outcome -> {
          String base = server.urls().getFirst();
          issued.setAll(
              outcome.batch().issued().stream()
                  .map(
                      i ->
                          new IssuedLink(
                              i.invitation().email().value(),
                              PersonalInvitations.link(base, i.token()),
                              i.invitation().expiresAt()))
                  .toList());
          rows.setAll(outcome.rows());
          var refused = outcome.batch().refused();
          emails.set(
              String.join("\n", refused.stream().map(PersonalInvitations.Refused::email).toList()));
          if (refused.isEmpty()) {
            status.succeed(madeText(issued.size()));
          } else {
            status.fail(
                (issued.isEmpty() ? "" : madeText(issued.size()) + " ")
                    + String.join(
                        " ",
                        refused.stream()
                            .map(
                                r ->
                                    (r.email().isEmpty() ? "(empty)" : r.email())
                                        + ": "
                                        + r.detail())
                            .toList()));
          }
        },
        status::fail);
  }

  public void revoke(Row row) {
    long actor = signedIn.get().id();
    background.run(
        () -> {
          invitations.revoke(actor, row.id());
          return rowsOf(invitations.list(actor));
        },
        list -> {
          rows.setAll(list);
          status.succeed(
              "The invitation of " + row.email() + " was revoked; its link no longer works.");
        },
        status::fail);
  }

  public void revokeAll() {
    long actor = signedIn.get().id();
    background.run(
        () -> {
          int revoked = invitations.revokeAll(actor);
          return new Revoked(revoked, rowsOf(invitations.list(actor)));
        },
        done -> {
          rows.setAll(done.rows());
          issued.clear();
          status.succeed(
              done.count() == 1
                  ? "1 pending invitation was revoked."
                  : done.count() + " pending invitations were revoked.");
        },
        status::fail);
  }

  private List<Row> rowsOf(List<PersonalInvitation> list) {
    return list.stream()
        .map(
            i ->
                new Row(
                    i.id(),
                    i.email().value(),
                    i.invitedBy(),
                    i.createdAt(),
                    i.expiresAt(),
                    invitations.statusOf(i)))
        .toList();
  }

  private static String madeText(int made) {
    return made == 1
        ? "1 link was made. Copy it to its person: it is shown only now."
        : made + " links were made. Copy each to its person: they are shown only now.";
  }

  public boolean anyPending() {
    return rows.stream().anyMatch(Row::pending);
  }

  public StringProperty emailsProperty() {
    return emails;
  }

  public IntegerProperty daysProperty() {
    return days;
  }

  public int maxDays() {
    return PersonalInvitations.MAX_DAYS;
  }

  public ObservableList<IssuedLink> issued() {
    return issued;
  }

  public ObservableList<Row> rows() {
    return rows;
  }

  /** Whether the signed-in account may invite by email (the owner). */
  public BooleanProperty availableProperty() {
    return available;
  }

  public StatusMessage status() {
    return status;
  }

  private record Outcome(PersonalInvitations.Batch batch, List<Row> rows) {}

  private record Revoked(int count, List<Row> rows) {}
}
