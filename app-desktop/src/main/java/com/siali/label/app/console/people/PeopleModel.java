package com.siali.label.app.console.people;

import com.siali.label.app.console.common.Background;
import com.siali.label.app.console.common.StatusMessage;
import com.siali.label.app.console.common.WholeFile;
import com.siali.label.app.console.shell.RememberedStart;
import com.siali.label.model.Page;
import com.siali.label.model.PersonActivity;
import com.siali.label.model.RelativeTime;
import com.siali.label.model.User;
import com.siali.label.model.UserQuery;
import com.siali.label.model.UserSort;
import com.siali.label.model.UserStatus;
import com.siali.label.security.Tokens;
import com.siali.label.service.AccountAdministration;
import com.siali.label.service.AccountService;
import com.siali.label.service.PasswordResetLinks;
import com.siali.label.service.PeopleDirectory;
import com.siali.label.service.SessionService;
import com.siali.label.service.avatar.AvatarService;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The People section: one page of accounts at a time (search, sort, paging all in the database, so
 * 100 000 accounts cost what 100 do), the selected person's detail, and the administrator's actions
 * on them.
 */
public final class PeopleModel {
  public static final int PAGE_SIZE = 100;

  private static final List<String> WARM_UP_SEARCHES = List.of("a", "e", "gr", "e a", "an l");
  private static final int WARM_UP_ROUNDS = 3;

  private final PeopleDirectory people;
  private final AccountService accounts;
  private final AccountAdministration administration;
  private final SessionService sessions;
  private final AvatarService avatars;
  private final PasswordResetLinks resetLinks;
  private final Supplier<List<String>> serverUrls;
  private final Clock clock;
  private final Background background;
  private final ObjectProperty<User> signedIn;

  private final StringProperty search = new SimpleStringProperty("");
  private final ObjectProperty<UserSort> sort = new SimpleObjectProperty<>(UserSort.NAME);
  private final BooleanProperty descending = new SimpleBooleanProperty(false);
  private final IntegerProperty offset = new SimpleIntegerProperty(0);
  private final LongProperty total = new SimpleLongProperty(0);
  private final ObservableList<User> rows = FXCollections.observableArrayList();
  private final ObjectProperty<User> selected = new SimpleObjectProperty<>();
  private final ObjectProperty<PersonActivity> selectedActivity = new SimpleObjectProperty<>();
  private final StatusMessage status = new StatusMessage();

  /**
   * Increases with every query asked for; an answer to an older one is dropped (the person typed
   * on).
   */
  private final AtomicLong latestQuery = new AtomicLong();

  private long knownAccountCount = -1;
  private Consumer<User> historyOpener = person -> {};

  public PeopleModel(
      PeopleDirectory people,
      AccountService accounts,
      AccountAdministration administration,
      SessionService sessions,
      AvatarService avatars,
      PasswordResetLinks resetLinks,
      Supplier<List<String>> serverUrls,
      Clock clock,
      Background background,
      ObjectProperty<User> signedIn) {
    this.resetLinks = resetLinks;
    this.serverUrls = serverUrls;
    this.people = people;
    this.accounts = accounts;
    this.administration = administration;
    this.sessions = sessions;
    this.avatars = avatars;
    this.clock = clock;
    this.background = background;
    this.signedIn = signedIn;
    search.addListener(
        (obs, old, now) -> {
          offset.set(0);
          refresh();
        });
    selected.addListener((obs, old, now) -> loadActivity(now));
  }

  /** The page the section opens on: everyone by name, from the start. */
  public static UserQuery firstQuery() {
    return new UserQuery("", UserSort.NAME, false, 0, PAGE_SIZE);
  }

  /**
   * Shows the first page read before the section was built ({@link RememberedStart}) instead of
   * reading it. The caller then calls {@link #prepareSearch()} once the window is on screen.
   */
  public void showFirst(Page<User> page, long accounts) {
    latestQuery.incrementAndGet();
    knownAccountCount = accounts;
    show(page);
  }

  /**
   * Makes the first searches fast, out of sight: the search copy is built now rather than on the
   * first keystroke, then a few searches of the kinds a person types run, so that the code they
   * take is loaded and compiled before anyone waits on it.
   */
  public void prepareSearch() {
    background.runUnseen(
        () -> {
          people.buildSearchCopy();
          for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (String typed : WARM_UP_SEARCHES) {
              people.page(new UserQuery(typed, UserSort.NAME, false, 0, PAGE_SIZE));
            }
          }
        });
  }

  /** Loads the current page again (search, sort and page as they are). */
  public void refresh() {
    long query = latestQuery.incrementAndGet();
    UserQuery request =
        new UserQuery(search.get(), sort.get(), descending.get(), offset.get(), PAGE_SIZE);
    // The first page also fixes the account count that polling compares with; later pages need no
    // count.
    boolean needsBaseline = knownAccountCount < 0;
    background.run(
        () ->
            latestQuery.get() != query
                ? null
                : new Loaded(people.page(request), needsBaseline ? people.count() : -1),
        loaded -> {
          if (loaded != null && latestQuery.get() == query) {
            if (loaded.accounts() >= 0) {
              knownAccountCount = loaded.accounts();
              prepareSearch();
            }
            show(loaded.page());
          }
        },
        status::fail);
  }

  private void show(Page<User> page) {
    Long selectedId = selected.get() == null ? null : selected.get().id();
    rows.setAll(page.items());
    total.set(page.total());
    if (selectedId != null) {
      // Keep the detail on the same person with their fresh data, or clear it when they left the
      // page.
      selected.set(
          page.items().stream().filter(u -> u.id() == selectedId).findFirst().orElse(null));
    }
  }

  public void sortBy(UserSort order, boolean descendingOrder) {
    sort.set(order);
    descending.set(descendingOrder);
    offset.set(0);
    refresh();
  }

  public boolean hasNextPage() {
    return offset.get() + PAGE_SIZE < total.get();
  }

  public void nextPage() {
    if (hasNextPage()) {
      offset.set(offset.get() + PAGE_SIZE);
      refresh();
    }
  }

  public void previousPage() {
    if (offset.get() > 0) {
      offset.set(Math.max(0, offset.get() - PAGE_SIZE));
      refresh();
    }
  }

  /** Called every second: people who signed up on the LAN appear without a manual refresh. */
  public void pollForNewAccounts() {
    background.run(
        () -> people.count(),
        count -> {
          if (knownAccountCount >= 0 && count != knownAccountCount) {
            knownAccountCount = count;
            refresh();
          }
        },
        ignored -> {});
  }

  private void loadActivity(User person) {
    selectedActivity.set(null);
    if (person == null) {
      return;
    }
    background.run(
        () -> people.activityOf(person.id()),
        activity -> {
          if (selected.get() != null && selected.get().id() == person.id()) {
            selectedActivity.set(activity);
          }
        },
        status::fail);
  }

  /** When {@code person} was last active, as the LAN pages say it: "5 minutes ago". */
  public String lastActivityOf(User person) {
    return RelativeTime.since(person.lastActivity(), clock.instant());
  }

  /**
   * The stored picture called {@code name}, read on the calling thread (the People table's picture
   * loader calls it off the UI thread).
   */
  public byte[] picture(String name) {
    return avatars.read(name);
  }

  /** Whether the signed-in account may deactivate or delete others (only the owner may). */
  public boolean mayAdminister() {
    return signedIn.get() != null && signedIn.get().owner();
  }

  /** A strong password to offer in the reset dialog (the administrator may type another one). */
  public static String suggestedPassword() {
    return Tokens.randomUrlSafe(12);
  }

  public void resetPassword(User person, String newPassword) {
    background.run(
        () -> accounts.setPassword(person.id(), newPassword),
        () ->
            status.succeed(
                "The password of "
                    + person.displayName()
                    + " was changed; they were signed out everywhere."),
        status::fail);
  }

  /**
   * Makes a one-time password-reset link for {@code person} (the web's, on the address
   * collaborators reach) and hands it to {@code shown}; the person's earlier link stops working.
   */
  public void resetLink(User person, Consumer<String> shown) {
    long actor = signedIn.get().id();
    background.run(
        () -> {
          List<String> urls = serverUrls.get();
          if (urls.isEmpty()) {
            throw new IllegalStateException("Start the server first: the link opens a web page.");
          }
          var issued = resetLinks.issue(actor, person.id());
          return PasswordResetLinks.link(urls.getFirst(), issued.token());
        },
        link -> {
          status.succeed(
              "A one-time link for "
                  + person.displayName()
                  + " was made; it works once, for 24 hours.");
          shown.accept(link);
        },
        status::fail);
  }

  /**
   * Writes every account as CSV (the web's export) to {@code file}: a temporary file beside it,
   * moved into place, so a failed export leaves no half file.
   */
  public void exportCsv(Path file) {
    long actor = signedIn.get().id();
    background.run(
        () -> WholeFile.write(file, out -> people.exportCsv(actor, UserStatus.ALL, out)),
        written -> status.succeed("People were exported to " + written.getFileName() + "."),
        status::fail);
  }

  /** What the detail's History button does (the window opens History on the person). */
  public void onShowHistory(Consumer<User> opener) {
    historyOpener = opener;
  }

  public void showHistory(User person) {
    historyOpener.accept(person);
  }

  /** The name the table shows: the full name, else the username (as the web does). */
  public static String nameOf(User person) {
    return person.nameOrUsername();
  }

  public void setActive(User person, boolean active) {
    long actor = signedIn.get().id();
    background.run(
        () -> administration.setActive(actor, person.id(), active),
        updated -> {
          status.succeed(
              person.displayName()
                  + (active ? " can sign in again." : " was deactivated and signed out."));
          refresh();
        },
        status::fail);
  }

  public void delete(User person) {
    long actor = signedIn.get().id();
    background.run(
        () -> administration.delete(actor, person.id()),
        () -> {
          status.succeed("The account of " + person.displayName() + " was deleted.");
          selected.set(null);
          refresh();
        },
        status::fail);
  }

  public void signOutEverywhere(User person) {
    background.run(
        () -> sessions.endAllOf(person.id()),
        ended ->
            status.succeed(
                person.displayName()
                    + " was signed out of "
                    + ended
                    + (ended == 1 ? " browser session." : " browser sessions.")),
        status::fail);
  }

  /**
   * A page and, for the first one, how many accounts there were when it was read (-1: not read).
   */
  private record Loaded(Page<User> page, long accounts) {}

  public StringProperty searchProperty() {
    return search;
  }

  public ReadOnlyObjectProperty<UserSort> sortProperty() {
    return sort;
  }

  public BooleanProperty descendingProperty() {
    return descending;
  }

  public IntegerProperty offsetProperty() {
    return offset;
  }

  public LongProperty totalProperty() {
    return total;
  }

  public ObservableList<User> rows() {
    return rows;
  }

  public ObjectProperty<User> selectedProperty() {
    return selected;
  }

  public ObjectProperty<PersonActivity> selectedActivityProperty() {
    return selectedActivity;
  }

  /** The section's result line: what the last action did, or why it was refused. */
  public StatusMessage status() {
    return status;
  }
}
