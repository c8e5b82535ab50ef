package com.siali.label.app.console.common;

import com.siali.label.model.User;
import java.util.Locale;
import java.util.Objects;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/** A person's picture in a circle, or their initials while there is none (as on the LAN pages). */
public final class AvatarView extends StackPane {
  private final int size;
  private final Circle background;
  private final Label initials = new Label();
  private final ImageView picture = new ImageView();
  private long shownUserId = -1;
  private String shownPicture;

  public AvatarView(int size) {
    this.size = size;
    background = new Circle(size / 2.0);
    background.getStyleClass().add("avatar-circle");
    initials.getStyleClass().add("avatar-initials");
    initials.setFont(Font.font(null, FontWeight.BOLD, size * 0.38));
    initials.setStyle("-fx-text-fill: white;");
    picture.setFitWidth(size);
    picture.setFitHeight(size);
    picture.setPreserveRatio(true);
    picture.setClip(new Circle(size / 2.0, size / 2.0, size / 2.0));
    setMinSize(size, size);
    setMaxSize(size, size);
    getChildren().addAll(background, initials, picture);
  }

  public void show(User user, PictureLoader loader) {
    if (user == null) {
      clear();
      return;
    }
    initials.setText(user.initials().toUpperCase(Locale.ROOT));
    setAccessibleText("Picture of " + user.displayName());
    String wanted = user.avatar().orElse(null);
    if (user.id() == shownUserId && Objects.equals(wanted, shownPicture)) {
      return;
    }
    shownUserId = user.id();
    shownPicture = wanted;
    picture.setImage(null);
    if (wanted != null) {
      loader.load(
          wanted,
          size,
          image -> {
            if (Objects.equals(shownPicture, wanted)) {
              picture.setImage(image);
            }
          });
    }
  }

  /** Shows picture bytes directly (Account &amp; Settings has them already). */
  public void show(String initialsText, byte[] bytes) {
    initials.setText(initialsText.toUpperCase(Locale.ROOT));
    shownUserId = -1;
    shownPicture = null;
    picture.setImage(bytes == null ? null : PictureLoader.decode(bytes, size));
  }

  public void clear() {
    shownUserId = -1;
    shownPicture = null;
    initials.setText("");
    picture.setImage(null);
  }
}
