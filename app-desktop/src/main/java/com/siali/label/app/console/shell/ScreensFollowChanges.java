package com.siali.label.app.console.shell;

import com.siali.label.app.console.addpeople.AddPeopleModel;
import com.siali.label.app.console.common.Background;
import com.siali.label.app.console.history.HistoryModel;
import com.siali.label.app.console.people.PeopleModel;
import com.siali.label.app.console.server.ServerModel;
import com.siali.label.model.User;
import com.siali.label.persistence.Change;
import com.siali.label.persistence.ChangeFeed;
import com.siali.label.service.PeopleDirectory;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ObjectProperty;

/**
 * Keeps the main screen current with the change feed (ADR 0014): a change made anywhere (the web,
 * the API, the CLI, another process) reaches People, Add People, the signed-in account (sidebar and
 * Account &amp; Settings) and the Server screen within a second. Each screen reloads at most once
 * per burst of changes, on the UI thread.
 */
final class ScreensFollowChanges implements ChangeFeed.Listener, AutoCloseable {
  private final Background background;
  private final PeopleDirectory directory;
  private final ObjectProperty<User> signedIn;
  private final PeopleModel people;
  private final AddPeopleModel addPeople;
  private final ServerModel server;
  private final Optional<HistoryModel> history;
  private final AtomicBoolean historyQueued = new AtomicBoolean();
  private final AtomicBoolean peopleQueued = new AtomicBoolean();
  private final AtomicBoolean addPeopleQueued = new AtomicBoolean();
  private final AtomicBoolean invitesQueued = new AtomicBoolean();
  private final AtomicBoolean serverQueued = new AtomicBoolean();
  private final AtomicBoolean meQueued = new AtomicBoolean();
  private final ChangeFeed.Subscription subscription;
  private volatile long signedInId;

  ScreensFollowChanges(
      ChangeFeed feed,
      Background background,
      PeopleDirectory directory,
      ObjectProperty<User> signedIn,
      PeopleModel people,
      AddPeopleModel addPeople,
      ServerModel server,
      Optional<HistoryModel> history) {
    this.background = background;
    this.directory = directory;
    this.signedIn = signedIn;
    this.people = people;
    this.addPeople = addPeople;
    this.server = server;
    this.history = history;
    User me = signedIn.get();
    signedInId = me == null ? -1 : me.id();
    signedIn.addListener((obs, old, now) -> signedInId = now == null ? -1 : now.id());
    subscription = feed.subscribe(this);
  }

  @Override
  public void changed(Change change) {
    switch (change.kind()) {
      case INVITATION_LINK_RESET, SETTING_CHANGED -> once(addPeopleQueued, addPeople::load);
      case PERSONAL_INVITATIONS_CHANGED -> once(invitesQueued, addPeople.invites()::load);
      case SESSIONS_ENDED -> once(serverQueued, server::refresh);
      case AUDIT_RECORDED -> history.ifPresent(h -> once(historyQueued, h::eventRecorded));
      default -> {
        once(peopleQueued, people::refresh);
        if (change.subjectId() == signedInId) {
          once(meQueued, this::reloadSignedIn);
        }
      }
    }
  }

  @Override
  public void resynchronise() {
    once(addPeopleQueued, addPeople::load);
    once(serverQueued, server::refresh);
    once(peopleQueued, people::refresh);
    once(meQueued, this::reloadSignedIn);
    history.ifPresent(h -> once(historyQueued, h::eventRecorded));
  }

  private void once(AtomicBoolean queued, Runnable reload) {
    if (queued.compareAndSet(false, true)) {
      background.onUi(
          () -> {
            queued.set(false);
            reload.run();
          });
    }
  }

  /** The signed-in account as it is now: the sidebar and Account &amp; Settings follow it. */
  private void reloadSignedIn() {
    long id = signedInId;
    if (id < 0) {
      return;
    }
    background.run(
        () -> directory.find(id),
        found ->
            found.ifPresent(
                user -> {
                  if (signedInId == user.id()) {
                    signedIn.set(user);
                  }
                }),
        ignored -> {});
  }

  @Override
  public void close() {
    subscription.close();
  }
}
