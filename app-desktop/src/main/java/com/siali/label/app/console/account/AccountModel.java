package com.siali.label.app.console.account;

import com.siali.label.app.console.common.Background;
import com.siali.label.app.console.common.StatusMessage;
import com.siali.label.app.console.signin.RememberedSignIn;
import com.siali.label.model.ProfileUpdate;
import com.siali.label.model.User;
import com.siali.label.model.ValidationException;
import com.siali.label.service.AccountService;
import com.siali.label.service.ApiTokenService;
import com.siali.label.service.avatar.AvatarImages;
import com.siali.label.service.avatar.AvatarService;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Account &amp; Settings for the signed-in person: name and phone, picture (the same pipeline and
 * limits as the web page), API token, and password.
 */
public final class AccountModel {
  static final String HIDDEN_TOKEN = "••••••••••••••••••••";

  private final AccountService accounts;
  private final AvatarService avatars;
  private final ApiTokenService apiTokens;
  private final RememberedSignIn remembered;
  private final Background background;
  private final ObjectProperty<User> signedIn;

  private final StringProperty firstName = new SimpleStringProperty("");
  private final StringProperty lastName = new SimpleStringProperty("");
  private final StringProperty phone = new SimpleStringProperty("");
  private final ObjectProperty<byte[]> picture = new SimpleObjectProperty<>();
  private final StringProperty token = new SimpleStringProperty(HIDDEN_TOKEN);
  private final BooleanProperty tokenShown = new SimpleBooleanProperty(false);
  private final StringProperty currentPassword = new SimpleStringProperty("");
  private final StringProperty newPassword = new SimpleStringProperty("");
  private final StatusMessage status = new StatusMessage();

  /** What the profile fields were filled from: Save is refused if the account changed since. */
  private ProfileUpdate loadedFrom;

  public AccountModel(
      AccountService accounts,
      AvatarService avatars,
      ApiTokenService apiTokens,
      RememberedSignIn remembered,
      Background background,
      ObjectProperty<User> signedIn) {
    this.accounts = accounts;
    this.avatars = avatars;
    this.apiTokens = apiTokens;
    this.remembered = remembered;
    this.background = background;
    this.signedIn = signedIn;
    signedIn.addListener((obs, old, now) -> follow(now));
  }

  /**
   * The account changed (here or elsewhere): the fields show the new values unless the person is
   * editing them, whose edits stay; their Save then says that the profile changed meanwhile.
   */
  private void follow(User now) {
    if (now == null || loadedFrom == null) {
      return;
    }
    ProfileUpdate stored = ProfileUpdate.of(now);
    if (formShows(loadedFrom)) {
      fill(stored);
    } else if (formShows(stored)) {
      loadedFrom = stored; // saved here, or changed elsewhere to what was typed
    }
  }

  private boolean formShows(ProfileUpdate profile) {
    return firstName.get().strip().equals(profile.firstName())
        && lastName.get().strip().equals(profile.lastName())
        && phone.get().strip().equals(profile.phone());
  }

  private void fill(ProfileUpdate profile) {
    loadedFrom = profile;
    firstName.set(profile.firstName());
    lastName.set(profile.lastName());
    phone.set(profile.phone());
  }

  /** Fills the form from the signed-in account (its stored picture too). */
  public void load() {
    User me = signedIn.get();
    fill(ProfileUpdate.of(me));
    token.set(HIDDEN_TOKEN);
    tokenShown.set(false);
    background.run(() -> pictureOf(me), picture::set, status::fail);
  }

  private void showChanged(User me) {
    fill(ProfileUpdate.of(me));
    signedIn.set(me);
  }

  public void saveProfile() {
    long id = signedIn.get().id();
    String first = firstName.get();
    String last = lastName.get();
    String phoneNumber = phone.get();
    ProfileUpdate from = loadedFrom;
    background.run(
        () -> {
          ProfileUpdate update = new ProfileUpdate(first, last, phoneNumber);
          return from == null
              ? accounts.updateProfile(id, update)
              : accounts.updateProfile(id, from, update);
        },
        updated -> {
          loadedFrom = ProfileUpdate.of(updated);
          signedIn.set(updated);
          status.succeed("Your profile was saved.");
        },
        message -> {
          status.fail(message);
          if (AccountService.PROFILE_CHANGED_ELSEWHERE.equals(message)) {
            background.run(
                () -> accounts.find(id), me -> me.ifPresent(this::showChanged), ignored -> {});
          }
        });
  }

  /**
   * Runs the chosen file through the picture pipeline (checks, crop, scale, re-encode) and stores
   * it.
   */
  public void choosePicture(Path file) {
    long id = signedIn.get().id();
    background.run(
        () -> {
          if (Files.size(file) > AvatarImages.MAX_UPLOAD_BYTES) {
            throw new ValidationException(
                "avatar",
                "The picture is larger than "
                    + AvatarImages.MAX_UPLOAD_BYTES / (1024 * 1024)
                    + " MiB; choose a smaller one.");
          }
          AvatarService.Upload upload = avatars.set(id, Files.readAllBytes(file));
          return new Stored(upload.user(), pictureOf(upload.user()), upload.adjusted());
        },
        stored -> {
          signedIn.set(stored.user());
          picture.set(stored.picture());
          status.succeed(
              stored.adjusted()
                  ? "Your picture was updated (cropped to a square and scaled down)."
                  : "Your picture was updated.");
        },
        status::fail);
  }

  public void removePicture() {
    long id = signedIn.get().id();
    background.run(
        () -> avatars.remove(id),
        updated -> {
          signedIn.set(updated);
          picture.set(null);
          status.succeed("Your picture was removed.");
        },
        status::fail);
  }

  public void showToken() {
    long id = signedIn.get().id();
    background.run(
        () -> apiTokens.tokenOf(id),
        value -> {
          token.set(value);
          tokenShown.set(true);
        },
        status::fail);
  }

  public void hideToken() {
    token.set(HIDDEN_TOKEN);
    tokenShown.set(false);
  }

  public void resetToken() {
    long id = signedIn.get().id();
    background.run(
        () -> apiTokens.rotate(id),
        value -> {
          token.set(value);
          tokenShown.set(true);
          status.succeed("Your API token was reset; the old token no longer works.");
        },
        status::fail);
  }

  public void changePassword() {
    long id = signedIn.get().id();
    String current = currentPassword.get();
    String fresh = newPassword.get();
    background.run(
        () -> {
          boolean wasRemembered = remembered.restore().isPresent();
          accounts.changePassword(id, current, fresh);
          // The change ends every session of the account, the console's remembered one too: keep it
          // if it was kept.
          if (wasRemembered) {
            remembered.remember(signedIn.get());
          }
        },
        () -> {
          currentPassword.set("");
          newPassword.set("");
          status.succeed("Your password was changed; your browser sessions were signed out.");
        },
        status::fail);
  }

  private byte[] pictureOf(User user) {
    return user.avatar().map(name -> avatars.read(name)).orElse(null);
  }

  public StringProperty firstNameProperty() {
    return firstName;
  }

  public StringProperty lastNameProperty() {
    return lastName;
  }

  public StringProperty phoneProperty() {
    return phone;
  }

  public ObjectProperty<byte[]> pictureProperty() {
    return picture;
  }

  public StringProperty tokenProperty() {
    return token;
  }

  public BooleanProperty tokenShownProperty() {
    return tokenShown;
  }

  public StringProperty currentPasswordProperty() {
    return currentPassword;
  }

  public StringProperty newPasswordProperty() {
    return newPassword;
  }

  /** The section's result line: what the last action did, or why it was refused. */
  public StatusMessage status() {
    return status;
  }

  private record Stored(User user, byte[] picture, boolean adjusted) {}
}
