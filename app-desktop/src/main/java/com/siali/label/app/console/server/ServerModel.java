package com.siali.label.app.console.server;

import com.siali.label.app.console.common.Background;
import com.siali.label.model.User;
import com.siali.label.service.SessionService;
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
 * The Server section: whether the LAN server runs, where, over what, and who is signed in to it.
 */
public final class ServerModel {
  static final String PLAIN_HTTP_WARNING =
      "Pages are served over plain HTTP: anyone on this network can read "
          + "passwords and pages in transit. Start with --tls to switch to HTTPS.";

  private final ServerStatus server;
  private final SessionService sessions;
  private final Background background;
  private final ObjectProperty<User> signedIn;

  private final ObservableList<String> urls = FXCollections.observableArrayList();
  private final IntegerProperty port = new SimpleIntegerProperty();
  private final BooleanProperty running = new SimpleBooleanProperty();
  private final BooleanProperty https = new SimpleBooleanProperty();
  private final StringProperty fingerprint = new SimpleStringProperty("");
  private final IntegerProperty othersSignedIn = new SimpleIntegerProperty();

  public ServerModel(
      ServerStatus server,
      SessionService sessions,
      Background background,
      ObjectProperty<User> signedIn) {
    this.server = server;
    this.sessions = sessions;
    this.background = background;
    this.signedIn = signedIn;
  }

  public void refresh() {
    urls.setAll(server.urls());
    port.set(server.port());
    running.set(server.running());
    https.set(server.https());
    fingerprint.set(server.certificateFingerprint().orElse(""));
    User me = signedIn.get();
    if (me != null) {
      background.run(
          () -> sessions.countPeopleSignedInExcept(me.id()), othersSignedIn::set, ignored -> {});
    }
  }

  /**
   * How many others are signed in on the LAN pages: closing the window asks first when there are
   * any.
   */
  public int countOthersSignedInNow() {
    User me = signedIn.get();
    return me == null
        ? sessions.countPeopleSignedInExcept(-1)
        : sessions.countPeopleSignedInExcept(me.id());
  }

  public String plainHttpWarning() {
    return PLAIN_HTTP_WARNING;
  }

  public ObservableList<String> urls() {
    return urls;
  }

  public IntegerProperty portProperty() {
    return port;
  }

  public BooleanProperty runningProperty() {
    return running;
  }

  public BooleanProperty httpsProperty() {
    return https;
  }

  public StringProperty fingerprintProperty() {
    return fingerprint;
  }

  public IntegerProperty othersSignedInProperty() {
    return othersSignedIn;
  }
}
