package com.siali.label.app.console.addpeople;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.Styles;
import com.siali.label.app.console.common.Clipboard;
import com.siali.label.app.console.common.Dialogs;
import com.siali.label.app.console.common.Icons;
import com.siali.label.app.console.common.Messages;
import com.siali.label.app.console.common.QrImages;
import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

/**
 * "+ Add People": the invitation link with Copy, its QR code, Reset Link, who may sign up without
 * it, and (for the owner) "Invite by email". {@link #scrolling} is what the window shows.
 */
public final class AddPeopleView extends VBox {
  static final int QR_SIZE = 220;
  static final double COPY_BUTTON_WIDTH = 104;
  static final Duration COPIED_FOR = Duration.seconds(2);

  /** The section in a scroll pane: the list of invitations can be longer than the window. */
  public static ScrollPane scrolling(AddPeopleModel model) {
    ScrollPane scroll = new ScrollPane(new AddPeopleView(model));
    scroll.setId("addPeopleScroll");
    scroll.setFitToWidth(true);
    return scroll;
  }

  public AddPeopleView(AddPeopleModel model) {
    setId("addPeopleView");
    getStyleClass().add("section");
    Label title = new Label("Add People");
    title.getStyleClass().add(Styles.TITLE_3);
    Label intro =
        new Label(
            "Send this link to the people you want on your team: they open it on their own computer "
                + "or phone, on this network, to create their account. On a phone they can also "
                + "scan the QR code.");
    intro.setWrapText(true);
    intro.getStyleClass().add("muted");

    TextField link = new TextField();
    link.setId("inviteLink");
    link.setEditable(false);
    link.setAccessibleText("Invitation link");
    link.textProperty().bind(model.linkProperty());
    HBox.setHgrow(link, Priority.ALWAYS);
    Button copy = new Button("Copy", Icons.of(Feather.COPY));
    copy.setId("copyLink");
    // Wide enough for "Copied" from the start, so the link field keeps its width.
    copy.setMinWidth(COPY_BUTTON_WIDTH);
    copy.setPrefWidth(COPY_BUTTON_WIDTH);
    PauseTransition copied = new PauseTransition(COPIED_FOR);
    copied.setOnFinished(e -> copy.setText("Copy"));
    copy.setOnAction(
        e -> {
          Clipboard.copy(model.linkProperty().get());
          copy.setText("Copied");
          copied.playFromStart();
        });
    model
        .linkProperty()
        .addListener(
            (obs, old, now) -> {
              copied.stop();
              copy.setText("Copy");
            });
    sceneProperty()
        .addListener(
            (obs, old, now) -> {
              copied.stop();
              copy.setText("Copy");
            });
    Button reset = new Button("Reset Link", Icons.of(Feather.REFRESH_CW));
    reset.setId("resetLink");
    reset.setOnAction(
        e -> {
          if (Dialogs.confirm(
              this,
              "Reset the invitation link",
              "The current link stops working at once; people who have not signed up yet need the new one.",
              "Reset Link")) {
            model.resetLink();
          }
        });
    HBox linkRow = new HBox(8, link, copy, reset);
    linkRow.setAlignment(Pos.CENTER_LEFT);

    ImageView qr = new ImageView();
    qr.setId("inviteQr");
    qr.setAccessibleText("QR code of the invitation link");
    qr.setFitWidth(QR_SIZE);
    qr.setFitHeight(QR_SIZE);
    model
        .linkProperty()
        .addListener(
            (obs, old, now) -> qr.setImage(now.isEmpty() ? null : QrImages.of(now, QR_SIZE)));
    StackPane qrFrame = new StackPane(qr);
    qrFrame.getStyleClass().add("qr-frame");
    qrFrame.setMaxWidth(StackPane.USE_PREF_SIZE);

    ToggleSwitch open = new ToggleSwitch("Allow sign-up without an invitation link");
    open.setId("openSignupSwitch");
    open.selectedProperty().bindBidirectional(model.openSignupAllowedProperty());
    open.setDisable(model.locked());
    Label lockNote = new Label(model.lockExplanation(), Icons.of(Feather.LOCK));
    lockNote.setId("lockNote");
    lockNote.setWrapText(true);
    lockNote.getStyleClass().add("muted");
    lockNote.setVisible(model.locked());
    lockNote.setManaged(model.locked());
    Label openHelp = new Label("When it is off, the sign-up page asks for the invitation link.");
    openHelp.getStyleClass().add("muted");

    Label message = Messages.bound("addPeopleMessage", model.status());
    VBox card = new VBox(12, linkRow, qrFrame, message);
    card.getStyleClass().add("card-box");
    // The switch's own message sits beside it: nothing above the switch grows when it is clicked.
    Label signupMessage = Messages.bound("signupSwitchMessage", model.signupStatus());
    signupMessage.setWrapText(false);
    signupMessage.setMinWidth(0);
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox switchRow = new HBox(16, open, gap, signupMessage);
    switchRow.setAlignment(Pos.CENTER_LEFT);
    VBox signup = new VBox(8, switchRow, openHelp, lockNote);
    signup.getStyleClass().add("card-box");
    getChildren().addAll(title, intro, card, signup, new InviteByEmailView(model.invites()));
  }
}
