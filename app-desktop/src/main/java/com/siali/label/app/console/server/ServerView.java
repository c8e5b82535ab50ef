package com.siali.label.app.console.server;

import atlantafx.base.theme.Styles;
import com.siali.label.app.console.common.Clipboard;
import com.siali.label.app.console.common.Icons;
import com.siali.label.app.console.common.QrImages;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * Server: running state, the LAN addresses with Copy and QR, the port, and HTTPS or the plain-HTTP
 * warning.
 */
public final class ServerView extends VBox {

  public ServerView(ServerModel model) {
    setId("serverView");
    getStyleClass().add("section");
    Label title = new Label("Server");
    title.getStyleClass().add(Styles.TITLE_3);

    Label state = new Label();
    state.setId("serverState");
    Label port = new Label();
    port.setId("serverPort");
    Label others = new Label();
    others.setId("othersSignedIn");
    others.getStyleClass().add("muted");
    Runnable showState =
        () -> {
          boolean running = model.runningProperty().get();
          state.setText(running ? "Running" : "Stopped");
          state.setGraphic(Icons.of(running ? Feather.CHECK_CIRCLE : Feather.X_CIRCLE));
          state.getStyleClass().removeAll("ok-text", "error-text");
          state.getStyleClass().add(running ? "ok-text" : "error-text");
          port.setText("Port " + model.portProperty().get());
          int count = model.othersSignedInProperty().get();
          others.setText(
              count == 0
                  ? "Nobody else is signed in on the LAN pages."
                  : count
                      + (count == 1 ? " person is" : " people are")
                      + " signed in on the LAN pages.");
        };
    model.runningProperty().addListener((obs, old, now) -> showState.run());
    model.portProperty().addListener((obs, old, now) -> showState.run());
    model.othersSignedInProperty().addListener((obs, old, now) -> showState.run());
    showState.run();
    HBox stateRow = new HBox(16, state, port);
    stateRow.setAlignment(Pos.CENTER_LEFT);

    ImageView qr = new ImageView();
    qr.setId("serverQr");
    qr.setFitWidth(180);
    qr.setFitHeight(180);
    StackPane qrFrame = new StackPane(qr);
    qrFrame.getStyleClass().add("qr-frame");
    qrFrame.setMaxWidth(StackPane.USE_PREF_SIZE);
    qrFrame.visibleProperty().bind(qr.imageProperty().isNotNull());
    qrFrame.managedProperty().bind(qrFrame.visibleProperty());
    VBox urls = new VBox(8);
    urls.setId("serverUrls");
    Runnable showUrls =
        () -> {
          urls.getChildren().clear();
          for (String url : model.urls()) {
            Label address = new Label(url);
            address.getStyleClass().add(Styles.TEXT_BOLD);
            Button copy = new Button("Copy", Icons.of(Feather.COPY));
            copy.setAccessibleText("Copy " + url);
            copy.setOnAction(e -> Clipboard.copy(url));
            Button showQr = new Button("QR", Icons.of(Feather.MAXIMIZE));
            showQr.setAccessibleText("QR code of " + url);
            showQr.setOnAction(e -> qr.setImage(QrImages.of(url, 180)));
            HBox row = new HBox(8, address, copy, showQr);
            row.setAlignment(Pos.CENTER_LEFT);
            urls.getChildren().add(row);
          }
          if (!model.urls().isEmpty() && qr.getImage() == null) {
            qr.setImage(QrImages.of(model.urls().getFirst(), 180));
          }
        };
    model.urls().addListener((ListChangeListener<String>) change -> showUrls.run());
    showUrls.run();

    Label warning = new Label(model.plainHttpWarning(), Icons.of(Feather.ALERT_TRIANGLE));
    warning.setId("plainHttpWarning");
    warning.setWrapText(true);
    warning.getStyleClass().add("warning-text");
    warning.visibleProperty().bind(model.httpsProperty().not());
    warning.managedProperty().bind(warning.visibleProperty());
    Label fingerprint = new Label();
    fingerprint.setId("certificateFingerprint");
    fingerprint.setWrapText(true);
    fingerprint
        .textProperty()
        .bind(
            Bindings.concat(
                "HTTPS with a self-signed certificate. Its SHA-256 fingerprint, for collaborators to compare: ",
                model.fingerprintProperty()));
    fingerprint.visibleProperty().bind(model.httpsProperty());
    fingerprint.managedProperty().bind(fingerprint.visibleProperty());

    Label addressesTitle = new Label("Addresses on this network");
    addressesTitle.getStyleClass().add(Styles.TITLE_4);
    VBox card = new VBox(12, stateRow, others, warning, fingerprint, addressesTitle, urls, qrFrame);
    card.getStyleClass().add("card-box");
    getChildren().addAll(title, card);
  }
}
