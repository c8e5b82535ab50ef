package com.siali.label.app.console.shell;

import com.siali.label.app.console.account.AccountModel;
import com.siali.label.app.console.account.AccountView;
import com.siali.label.app.console.addpeople.AddPeopleModel;
import com.siali.label.app.console.addpeople.AddPeopleView;
import com.siali.label.app.console.common.Background;
import com.siali.label.app.console.common.Dialogs;
import com.siali.label.app.console.history.HistoryModel;
import com.siali.label.app.console.history.HistoryView;
import com.siali.label.app.console.people.PeopleModel;
import com.siali.label.app.console.people.PeopleView;
import com.siali.label.app.console.server.ServerModel;
import com.siali.label.app.console.server.ServerView;
import com.siali.label.app.console.signin.RememberedSignIn;
import com.siali.label.app.console.signin.SignInModel;
import com.siali.label.app.console.signin.SignInView;
import com.siali.label.model.AuditContext;
import com.siali.label.model.User;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * The admin console's window: the sign-in screen until someone signs in, then the sections. It owns
 * the polling that shows LAN sign-ups within a second, and asks before closing while collaborators
 * are signed in.
 */
public final class ConsoleWindow {
  static final double WIDTH = 1180;
  static final double HEIGHT = 760;

  private final ConsoleModels models;
  private final Background background;
  private final Function<Window, Optional<Path>> pictureChooser;
  private final Runnable onQuit;
  private final RememberedSignIn remembered;
  private final ObjectProperty<User> signedIn = new SimpleObjectProperty<>();
  private ScreensFollowChanges following;
  private final BooleanProperty dark = new SimpleBooleanProperty(false);
  private final StackPane root = new StackPane();
  private final ServerModel server;
  private Stage stage;
  private Scene scene;
  private MainView main;
  private Timeline polling;

  /**
   * @param pictureChooser asks for a picture file (a file chooser in the app; a fixed file in
   *     tests)
   * @param onQuit stops the application (server and database) after the window closed
   */
  public ConsoleWindow(
      ConsoleModels models, Function<Window, Optional<Path>> pictureChooser, Runnable onQuit) {
    this.models = models;
    this.background = models.background();
    background.actAs(() -> AuditContext.window(Optional.ofNullable(signedIn.get()).map(User::id)));
    this.pictureChooser = pictureChooser;
    this.onQuit = onQuit;
    this.remembered = models.remembered();
    this.server = models.server(signedIn);
  }

  public void show(Stage window, boolean darkTheme) {
    show(window, darkTheme, Optional.empty());
  }

  /**
   * Shows the window: on People, filled, when {@code remembered} is present ({@link
   * RememberedStart#read}, off the UI thread); else on the sign-in screen (which looks for a
   * remembered account itself). Opening straight on People spares a new process the building and
   * first layout of a screen that would show for a moment only.
   */
  public void show(Stage window, boolean darkTheme, Optional<RememberedStart> remembered) {
    this.stage = window;
    dark.set(darkTheme);
    scene = new Scene(root, WIDTH, HEIGHT);
    Theme.apply(scene, darkTheme);
    dark.addListener((obs, old, now) -> Theme.apply(scene, now));
    stage.setTitle("Siali Label");
    stage.setMinWidth(900);
    stage.setMinHeight(560);
    stage.setScene(scene);
    stage.setOnCloseRequest(
        event -> {
          event.consume();
          closeAfterAsking();
        });
    installShortcuts();
    remembered.ifPresentOrElse(start -> showMain(start.user(), start), this::showSignIn);
    stage.show();
  }

  /** A second {@code label-studio start} brings this window to the front. */
  public void activate() {
    stage.setIconified(false);
    stage.show();
    stage.toFront();
    stage.requestFocus();
  }

  private void showSignIn() {
    stopPolling();
    main = null;
    SignInModel model = models.signIn(user -> showMain(user, null));
    root.getChildren().setAll(new SignInView(model, background.busyProperty()));
    model.load();
  }

  /**
   * The main screen for {@code user}; {@code opening}, when not null, holds the first page of
   * People already.
   */
  private void showMain(User user, RememberedStart opening) {
    signedIn.set(user);
    PeopleModel people = models.people(signedIn);
    if (opening != null) {
      people.showFirst(opening.firstPeople(), opening.accounts());
      // After this event, which shows the window: building the search copy meanwhile slowed the
      // start-up.
      Platform.runLater(people::prepareSearch);
    } else {
      // Read while the sections are built: in a new process both take a few hundred milliseconds.
      people.refresh();
    }
    AddPeopleModel addPeople = models.addPeople(signedIn);
    AccountModel account = models.account(signedIn);
    PeopleView peopleView = new PeopleView(people);
    Map<MainView.Section, Node> sections = new EnumMap<>(MainView.Section.class);
    sections.put(MainView.Section.PEOPLE, peopleView);
    sections.put(MainView.Section.ADD_PEOPLE, AddPeopleView.scrolling(addPeople));
    sections.put(MainView.Section.ACCOUNT, new AccountView(account, signedIn, pictureChooser));
    sections.put(MainView.Section.SERVER, new ServerView(server));
    HistoryModel history = user.owner() ? models.history(signedIn) : null;
    if (history != null) {
      sections.put(MainView.Section.HISTORY, new HistoryView(history, ZoneId.systemDefault()));
      people.onShowHistory(
          person -> {
            history.showPerson(person);
            withMain(m -> m.show(MainView.Section.HISTORY));
          });
      history.firstPage();
    }
    main =
        new MainView(
            sections,
            peopleView,
            account,
            server,
            signedIn,
            background.busyProperty(),
            dark,
            this::signOut);
    root.getChildren().setAll(main);
    followChanges(people, addPeople, history);
    addPeople.load();
    account.load();
    server.refresh();
    startPolling(people);
  }

  private void followChanges(
      PeopleModel people, AddPeopleModel addPeople, HistoryModel historyOrNull) {
    stopFollowing();
    following =
        models.followChanges(
            signedIn, people, addPeople, server, Optional.ofNullable(historyOrNull));
  }

  private void stopFollowing() {
    if (following != null) {
      following.close();
      following = null;
    }
  }

  private void signOut() {
    stopFollowing();
    long userId = signedIn.get().id();
    background.run(
        () -> remembered.signOut(userId),
        () -> {
          signedIn.set(null);
          showSignIn();
        },
        message -> showSignIn());
  }

  private void startPolling(PeopleModel people) {
    stopPolling();
    int[] tick = {0};
    polling =
        new Timeline(
            new KeyFrame(
                Duration.seconds(1),
                e -> {
                  people.pollForNewAccounts();
                  if (++tick[0] % 5 == 0) {
                    server.refresh();
                  }
                }));
    polling.setCycleCount(Timeline.INDEFINITE);
    polling.play();
  }

  private void stopPolling() {
    if (polling != null) {
      polling.stop();
      polling = null;
    }
  }

  private void installShortcuts() {
    var accelerators = scene.getAccelerators();
    accelerators.put(
        new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
        () -> withMain(MainView::searchPeople));
    accelerators.put(
        new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN),
        () -> withMain(m -> m.show(MainView.Section.PEOPLE)));
    accelerators.put(
        new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN),
        () -> withMain(m -> m.show(MainView.Section.ADD_PEOPLE)));
    accelerators.put(
        new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN),
        () -> withMain(m -> m.show(MainView.Section.ACCOUNT)));
    accelerators.put(
        new KeyCodeCombination(KeyCode.DIGIT4, KeyCombination.SHORTCUT_DOWN),
        () -> withMain(m -> m.show(MainView.Section.SERVER)));
    accelerators.put(
        new KeyCodeCombination(KeyCode.DIGIT5, KeyCombination.SHORTCUT_DOWN),
        () -> withMain(m -> m.show(MainView.Section.HISTORY)));
  }

  private void withMain(Consumer<MainView> action) {
    if (main != null) {
      action.accept(main);
    }
  }

  /** Closing stops the LAN server too: while others are signed in to it, ask first. */
  private void closeAfterAsking() {
    background.run(
        server::countOthersSignedInNow,
        others -> {
          if (others == 0
              || Dialogs.confirm(
                  stage,
                  "Stop Siali Label?",
                  (others == 1 ? "1 person is" : others + " people are")
                      + " signed in on the LAN pages. Closing the window "
                      + "stops the server, and their pages stop working until you start Siali Label again.",
                  "Stop and close")) {
            quit();
          }
        },
        message -> quit());
  }

  /** Stops the window's timers (the window closes, or a test is done with it). */
  public void dispose() {
    stopPolling();
    stopFollowing();
  }

  private void quit() {
    stopPolling();
    stopFollowing();
    stage.hide();
    // Stopping the server drains requests for up to a few seconds: not on the UI thread.
    Thread.ofPlatform().name("console-quit").start(onQuit);
  }
}
