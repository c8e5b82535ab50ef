package com.siali.label.app.console.history;

import com.siali.label.app.console.common.Background;
import com.siali.label.app.console.common.StatusMessage;
import com.siali.label.app.console.common.WholeFile;
import com.siali.label.model.AuditAction;
import com.siali.label.model.AuditCursor;
import com.siali.label.model.AuditEntry;
import com.siali.label.model.AuditFormat;
import com.siali.label.model.AuditPage;
import com.siali.label.model.AuditQuery;
import com.siali.label.model.User;
import com.siali.label.service.AuditTrail;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The History section (issue #17): the audit log, newest first, one page at a time by keyset (so a
 * page deep in a million events costs what the first does), filtered by person, action, a range of
 * days and words typed (searched as they are typed); exports to CSV or JSON Lines. The change feed
 * calls {@link #eventRecorded} so the first page shows a new event within a second.
 */
public final class HistoryModel {
  public static final int PAGE_SIZE = 100;

  private final AuditTrail audit;
  private final Background background;
  private final ObjectProperty<User> signedIn;
  private final ZoneId zone;

  private final StringProperty search = new SimpleStringProperty("");
  private final ObjectProperty<AuditAction> action = new SimpleObjectProperty<>();
  private final ObjectProperty<LocalDate> fromDay = new SimpleObjectProperty<>();
  private final ObjectProperty<LocalDate> toDay = new SimpleObjectProperty<>();
  private final ObjectProperty<User> person = new SimpleObjectProperty<>();
  private final ObservableList<AuditEntry> rows = FXCollections.observableArrayList();
  private final BooleanProperty hasOlder = new SimpleBooleanProperty(false);
  private final BooleanProperty hasNewer = new SimpleBooleanProperty(false);
  private final StatusMessage status = new StatusMessage();

  /** The cursors of the pages before this one, so Newer goes back without an OFFSET. */
  private final Deque<Optional<AuditCursor>> newerPages = new ArrayDeque<>();

  private Optional<AuditCursor> shownFrom = Optional.empty();
  private Optional<AuditCursor> older = Optional.empty();

  /** An answer to a query that is no longer the latest is dropped (the person typed on). */
  private final AtomicLong latestQuery = new AtomicLong();

  public HistoryModel(
      AuditTrail audit, Background background, ObjectProperty<User> signedIn, ZoneId zone) {
    this.audit = audit;
    this.background = background;
    this.signedIn = signedIn;
    this.zone = zone;
    search.addListener((obs, old, now) -> firstPage());
    action.addListener((obs, old, now) -> firstPage());
    fromDay.addListener((obs, old, now) -> firstPage());
    toDay.addListener((obs, old, now) -> firstPage());
    person.addListener((obs, old, now) -> firstPage());
  }

  /** Shows {@code who}'s own history (from their detail in People). */
  public void showPerson(User who) {
    person.set(who);
  }

  public void clearFilters() {
    person.set(null);
    action.set(null);
    fromDay.set(null);
    toDay.set(null);
    search.set("");
  }

  public void firstPage() {
    newerPages.clear();
    load(Optional.empty());
  }

  public void olderPage() {
    if (older.isPresent()) {
      newerPages.push(shownFrom);
      load(older);
    }
  }

  public void newerPage() {
    if (!newerPages.isEmpty()) {
      load(newerPages.pop());
    }
  }

  /** A new event was recorded somewhere: the first page, if shown, reads again. */
  public void eventRecorded() {
    if (newerPages.isEmpty() && signedIn.get() != null) {
      load(Optional.empty());
    }
  }

  /** Every event the filters select, in {@code format}, written whole to {@code file}. */
  public void export(Path file, AuditFormat format) {
    long reader = signedIn.get().id();
    AuditQuery query;
    try {
      query = query(Optional.empty());
    } catch (RuntimeException invalid) {
      status.fail(invalid.getMessage());
      return;
    }
    background.run(
        () -> WholeFile.write(file, out -> audit.export(reader, query, format, out)),
        written -> status.succeed("The history was exported to " + written.getFileName() + "."),
        status::fail);
  }

  private void load(Optional<AuditCursor> from) {
    User reader = signedIn.get();
    if (reader == null) {
      return;
    }
    AuditQuery query;
    try {
      query = query(from);
    } catch (RuntimeException invalid) {
      status.fail(invalid.getMessage());
      return;
    }
    long asked = latestQuery.incrementAndGet();
    background.run(
        () -> latestQuery.get() != asked ? null : audit.page(reader.id(), query),
        page -> {
          if (page != null && latestQuery.get() == asked) {
            show(page, from);
          }
        },
        status::fail);
  }

  private void show(AuditPage page, Optional<AuditCursor> from) {
    shownFrom = from;
    older = page.next();
    rows.setAll(page.entries());
    hasOlder.set(older.isPresent());
    hasNewer.set(!newerPages.isEmpty());
  }

  /** The filters as a query; the day range is the window's time zone's days, both included. */
  AuditQuery query(Optional<AuditCursor> from) {
    return AuditQuery.all()
        .limit(PAGE_SIZE)
        .withAction(Optional.ofNullable(action.get()))
        .between(
            Optional.ofNullable(fromDay.get()).map(d -> d.atStartOfDay(zone).toInstant()),
            Optional.ofNullable(toDay.get()).map(d -> d.plusDays(1).atStartOfDay(zone).toInstant()))
        .searching(search.get())
        .olderThan(from)
        .forPersonIfAny(Optional.ofNullable(person.get()).map(User::id));
  }

  public StringProperty searchProperty() {
    return search;
  }

  public ObjectProperty<AuditAction> actionProperty() {
    return action;
  }

  public ObjectProperty<LocalDate> fromDayProperty() {
    return fromDay;
  }

  public ObjectProperty<LocalDate> toDayProperty() {
    return toDay;
  }

  public ObjectProperty<User> personProperty() {
    return person;
  }

  public ObservableList<AuditEntry> rows() {
    return rows;
  }

  public BooleanProperty hasOlderProperty() {
    return hasOlder;
  }

  public BooleanProperty hasNewerProperty() {
    return hasNewer;
  }

  public StatusMessage status() {
    return status;
  }
}
