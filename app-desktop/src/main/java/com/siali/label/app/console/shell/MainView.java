package com.siali.label.app.console.shell;

import com.siali.label.app.console.account.AccountModel;
import com.siali.label.app.console.common.AvatarView;
import com.siali.label.app.console.common.Icons;
import com.siali.label.app.console.people.PeopleView;
import com.siali.label.app.console.server.ServerModel;
import com.siali.label.model.User;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The signed-in window: navigation on the left, one section in the middle, the server's state at
 * the bottom.
 */
final class MainView extends BorderPane {
  enum Section {
    PEOPLE,
    ADD_PEOPLE,
    ACCOUNT,
    SERVER,
    /** The audit log: the owner's only, so present only when the owner is signed in. */
    HISTORY
  }

  private final Map<Section, ToggleButton> buttons = new LinkedHashMap<>();
  private final Map<Section, Node> sections;
  private final StackPane content = new StackPane();
  private final PeopleView people;

  /** The Server screen says it itself: the status bar then leaves the plain-HTTP warning out. */
  private final javafx.beans.property.BooleanProperty onServerScreen =
      new javafx.beans.property.SimpleBooleanProperty(false);

  MainView(
      Map<Section, Node> sections,
      PeopleView people,
      AccountModel account,
      ServerModel server,
      ObjectProperty<User> signedIn,
      ObservableBooleanValue busy,
      BooleanProperty dark,
      Runnable signOut) {
    this.sections = sections;
    this.people = people;
    setId("mainView");

    Label brand = new Label("Siali Label", Icons.sized(Feather.TAG, 20));
    brand.getStyleClass().add("brand");
    ToggleGroup group = new ToggleGroup();
    addNav(group, Section.PEOPLE, "People", Feather.USERS, "Ctrl+1");
    addNav(group, Section.ADD_PEOPLE, "Add People", Feather.USER_PLUS, "Ctrl+2");
    addNav(group, Section.ACCOUNT, "Account & Settings", Feather.SETTINGS, "Ctrl+3");
    addNav(group, Section.SERVER, "Server", Feather.SERVER, "Ctrl+4");
    if (sections.containsKey(Section.HISTORY)) {
      addNav(group, Section.HISTORY, "History", Feather.CLOCK, "Ctrl+5");
    }
    // A section stays selected: clicking the selected one again does not leave the window empty.
    group
        .selectedToggleProperty()
        .addListener(
            (obs, old, now) -> {
              if (now == null && old != null) {
                old.setSelected(true);
              }
            });

    AvatarView me = new AvatarView(32);
    Label meName = new Label();
    meName.setId("signedInName");
    meName.setMaxWidth(140);
    signedIn.addListener((obs, old, now) -> showMe(me, meName, now, account));
    account
        .pictureProperty()
        .addListener((obs, old, now) -> showMe(me, meName, signedIn.get(), account));
    showMe(me, meName, signedIn.get(), account);
    HBox who = new HBox(8, me, meName);
    who.setAlignment(Pos.CENTER_LEFT);
    Button signOutButton = new Button("Sign out", Icons.of(Feather.LOG_OUT));
    signOutButton.setId("signOutButton");
    signOutButton.getStyleClass().add("nav-button");
    signOutButton.setMaxWidth(Double.MAX_VALUE);
    signOutButton.setOnAction(e -> signOut.run());
    ToggleButton darkMode = new ToggleButton("Dark mode", Icons.of(Feather.MOON));
    darkMode.setId("darkModeButton");
    darkMode.getStyleClass().add("nav-button");
    darkMode.setMaxWidth(Double.MAX_VALUE);
    darkMode.selectedProperty().bindBidirectional(dark);
    Region grow = new Region();
    VBox.setVgrow(grow, Priority.ALWAYS);
    VBox sidebar = new VBox(brand);
    sidebar.getChildren().addAll(buttons.values());
    sidebar.getChildren().addAll(grow, darkMode, who, signOutButton);
    sidebar.getStyleClass().add("sidebar");
    setLeft(sidebar);
    setCenter(content);
    setBottom(statusBar(server, busy, onServerScreen));
    show(Section.PEOPLE);
  }

  private void addNav(
      ToggleGroup group, Section section, String text, Feather icon, String shortcut) {
    ToggleButton button = new ToggleButton(text, Icons.of(icon));
    button.setId("nav" + section.name());
    button.setToggleGroup(group);
    button.getStyleClass().add("nav-button");
    button.setMaxWidth(Double.MAX_VALUE);
    button.setTooltip(new Tooltip(text + " (" + shortcut + ")"));
    button.setOnAction(e -> show(section));
    buttons.put(section, button);
  }

  void show(Section section) {
    if (!sections.containsKey(section)) {
      return;
    }
    buttons.get(section).setSelected(true);
    content.getChildren().setAll(sections.get(section));
    onServerScreen.set(section == Section.SERVER);
  }

  void searchPeople() {
    show(Section.PEOPLE);
    people.focusSearch();
  }

  private static void showMe(AvatarView avatar, Label name, User user, AccountModel account) {
    if (user == null) {
      return;
    }
    avatar.show(user.initials(), account.pictureProperty().get());
    name.setText(user.displayName());
  }

  private static HBox statusBar(
      ServerModel server, ObservableBooleanValue busy, ObservableBooleanValue onServerScreen) {
    Label serving = new Label();
    serving.setId("statusServing");
    Runnable update =
        () -> {
          String first = server.urls().isEmpty() ? "" : server.urls().getFirst();
          boolean https = server.httpsProperty().get();
          serving.setText(
              server.runningProperty().get()
                  ? "Serving at "
                      + first
                      + (https
                          ? " (HTTPS)"
                          : onServerScreen.get()
                              ? ""
                              : "  ·  plain HTTP: traffic can be read on this network")
                  : "The server is stopped");
          serving.setGraphic(Icons.of(https ? Feather.LOCK : Feather.ALERT_TRIANGLE));
          serving.getStyleClass().remove("warning-text");
          if (!https) {
            serving.getStyleClass().add("warning-text");
          }
        };
    server.urls().addListener((ListChangeListener<String>) c -> update.run());
    server.httpsProperty().addListener((obs, old, now) -> update.run());
    server.runningProperty().addListener((obs, old, now) -> update.run());
    onServerScreen.addListener((obs, old, now) -> update.run());
    update.run();
    ProgressBar progress = new ProgressBar();
    progress.setId("busyIndicator");
    progress.setPrefWidth(120);
    progress.visibleProperty().bind(busy);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox bar = new HBox(10, serving, spacer, progress);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add("status-bar");
    return bar;
  }
}
