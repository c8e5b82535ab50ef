package com.siali.label.app.console.people;

import atlantafx.base.theme.Styles;
import com.siali.label.app.console.common.AvatarView;
import com.siali.label.app.console.common.Dialogs;
import com.siali.label.app.console.common.Icons;
import com.siali.label.app.console.common.PictureLoader;
import com.siali.label.app.console.common.ResetPasswordDialog;
import com.siali.label.model.PersonActivity;
import com.siali.label.model.ProjectSummary;
import com.siali.label.model.User;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The selected person: profile, projects created and contributed to, last activity, and the actions
 * on them.
 */
final class PersonDetailView extends StackPane {
  private final PeopleModel model;
  private final PictureLoader pictures;
  private final AvatarView avatar = new AvatarView(72);
  private final Label name = new Label();
  private final Label email = new Label();
  private final Label facts = new Label();
  private final Label status = new Label();
  private final VBox created = new VBox(4);
  private final VBox contributed = new VBox(4);
  private final Button deactivate = new Button();
  private final Button resetPassword = new Button("Reset password…", Icons.of(Feather.KEY));
  private final Button delete = new Button("Delete…", Icons.of(Feather.TRASH_2));
  private final VBox content;

  PersonDetailView(PeopleModel model, PictureLoader pictures) {
    this.model = model;
    this.pictures = pictures;
    setId("personDetail");
    setMinWidth(280);
    name.getStyleClass().add(Styles.TITLE_4);
    name.setId("detailName");
    name.setWrapText(true);
    email.setId("detailEmail");
    facts.setId("detailFacts");
    facts.setWrapText(true);
    facts.getStyleClass().add("muted");
    status.setId("detailStatus");
    created.setId("detailCreated");
    contributed.setId("detailContributed");

    resetPassword.setId("resetPasswordButton");
    resetPassword.setOnAction(
        e ->
            withPerson(
                person ->
                    ResetPasswordDialog.show(
                            this,
                            person.displayName(),
                            PeopleModel.suggestedPassword(),
                            shown -> model.resetLink(person, shown))
                        .ifPresent(pw -> model.resetPassword(person, pw))));
    Button signOut = new Button("Sign out everywhere", Icons.of(Feather.LOG_OUT));
    signOut.setId("signOutEverywhereButton");
    signOut.setOnAction(
        e ->
            withPerson(
                person -> {
                  if (Dialogs.confirm(
                      this,
                      "Sign out everywhere",
                      person.displayName()
                          + " will be signed out of every browser and must log in again.",
                      "Sign out")) {
                    model.signOutEverywhere(person);
                  }
                }));
    deactivate.setId("deactivateButton");
    deactivate.setOnAction(
        e ->
            withPerson(
                person -> {
                  if (person.active()) {
                    if (Dialogs.confirm(
                        this,
                        "Deactivate " + person.displayName(),
                        person.displayName()
                            + " will be signed out and can no longer log in or use the API, until you activate the account again.",
                        "Deactivate")) {
                      model.setActive(person, false);
                    }
                  } else {
                    model.setActive(person, true);
                  }
                }));
    delete.setId("deleteButton");
    delete.getStyleClass().add(Styles.DANGER);
    delete.setOnAction(
        e ->
            withPerson(
                person -> {
                  if (Dialogs.confirm(
                      this,
                      "Delete " + person.displayName(),
                      "The account of "
                          + person.displayName()
                          + " and its API token are deleted for good. The projects it created stay.",
                      "Delete account")) {
                    model.delete(person);
                  }
                }));
    Button history = new Button("History", Icons.of(Feather.CLOCK));
    history.setId("personHistoryButton");
    history.setTooltip(new Tooltip("Every account event of this person"));
    history.setOnAction(e -> withPerson(model::showHistory));
    FlowPane actions = new FlowPane(8, 8, history, resetPassword, signOut, deactivate, delete);

    Label createdTitle = new Label("Created projects");
    createdTitle.getStyleClass().add("field-label");
    Label contributedTitle = new Label("Contributed to");
    contributedTitle.getStyleClass().add("field-label");
    content =
        new VBox(
            10,
            avatar,
            name,
            email,
            status,
            facts,
            createdTitle,
            created,
            contributedTitle,
            contributed,
            new Label(),
            actions);
    content.setAlignment(Pos.TOP_LEFT);
    content.getStyleClass().add("detail-pane");
    ScrollPane scroll = new ScrollPane(content);
    scroll.setFitToWidth(true);
    Label empty = new Label("Select a person to see their detail.");
    empty.getStyleClass().add("muted");
    empty.setId("detailEmpty");
    getChildren().addAll(empty, scroll);
    scroll.visibleProperty().bind(model.selectedProperty().isNotNull());
    empty.visibleProperty().bind(model.selectedProperty().isNull());

    model.selectedProperty().addListener((obs, old, now) -> show(now));
    model.selectedActivityProperty().addListener((obs, old, now) -> showActivity(now));
  }

  private void show(User person) {
    if (person == null) {
      avatar.clear();
      return;
    }
    avatar.show(person, pictures);
    name.setText(PeopleModel.nameOf(person));
    email.setText(person.email().value());
    facts.setText(
        "Joined "
            + PeopleView.JOINED.format(person.dateJoined().atZone(ZoneId.systemDefault()))
            + " · last activity "
            + model.lastActivityOf(person)
            + (person.phone().isEmpty() ? "" : " · " + person.phone()));
    status.setText(
        (person.owner() ? "Owner" : "Member") + (person.active() ? "" : " · deactivated"));
    status.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
    status.getStyleClass().add(person.active() ? Styles.SUCCESS : Styles.DANGER);
    boolean administrable = model.mayAdminister() && !person.owner();
    resetPassword.setDisable(!administrable);
    deactivate.setText(person.active() ? "Deactivate…" : "Activate");
    deactivate.setGraphic(Icons.of(person.active() ? Feather.USER_X : Feather.USER_CHECK));
    deactivate.setDisable(!administrable);
    delete.setDisable(!administrable);
    String reason =
        person.owner()
            ? "The owner account cannot be deactivated or deleted."
            : "Only the owner can deactivate or delete accounts.";
    deactivate.setTooltip(administrable ? null : new Tooltip(reason));
    showActivity(model.selectedActivityProperty().get());
  }

  private void showActivity(PersonActivity activity) {
    fill(created, activity == null ? null : activity.created());
    fill(contributed, activity == null ? null : activity.contributedTo());
  }

  private static void fill(VBox box, List<ProjectSummary> projects) {
    box.getChildren().clear();
    if (projects == null) {
      box.getChildren().add(new Label("…"));
    } else if (projects.isEmpty()) {
      Label none = new Label("None");
      none.getStyleClass().add("muted");
      box.getChildren().add(none);
    } else {
      projects.forEach(p -> box.getChildren().add(new Label("• " + p.title())));
    }
  }

  private void withPerson(Consumer<User> action) {
    User person = model.selectedProperty().get();
    if (person != null) {
      action.accept(person);
    }
  }
}
