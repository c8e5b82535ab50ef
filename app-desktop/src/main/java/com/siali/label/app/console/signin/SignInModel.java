package com.siali.label.app.console.signin;

import com.siali.label.app.console.common.Background;
import com.siali.label.model.NewAccount;
import com.siali.label.model.User;
import com.siali.label.service.AccountService;
import com.siali.label.service.PeopleDirectory;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The first screen: on a fresh installation, creating the owner account; afterwards, logging in.
 * Either way the signed-in account is handed to {@code onSignedIn}. The password is asked once, as
 * on the LAN pages (ADR 0016); a refusal clears it.
 */
public final class SignInModel {
  public enum Mode {
    CREATE_OWNER,
    LOG_IN
  }

  private final AccountService accounts;
  private final PeopleDirectory people;
  private final RememberedSignIn remembered;
  private final Background background;
  private final Consumer<User> onSignedIn;

  private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.LOG_IN);
  private final StringProperty email = new SimpleStringProperty("");
  private final StringProperty password = new SimpleStringProperty("");
  private final BooleanProperty keepSignedIn = new SimpleBooleanProperty(true);
  private final StringProperty error = new SimpleStringProperty("");

  public SignInModel(
      AccountService accounts,
      PeopleDirectory people,
      RememberedSignIn remembered,
      Background background,
      Consumer<User> onSignedIn) {
    this.accounts = accounts;
    this.people = people;
    this.remembered = remembered;
    this.background = background;
    this.onSignedIn = onSignedIn;
  }

  /**
   * Decides which form to show (no account yet: create the owner) and signs in a remembered account
   * at once.
   */
  public void load() {
    background.run(
        () ->
            people.count() == 0
                ? new Start(Mode.CREATE_OWNER, null)
                : new Start(Mode.LOG_IN, remembered.restore().orElse(null)),
        start -> {
          mode.set(start.mode());
          if (start.remembered() != null) {
            onSignedIn.accept(start.remembered());
          }
        },
        error::set);
  }

  public void submit() {
    error.set("");
    String givenEmail = email.get().strip();
    String givenPassword = password.get();
    if (givenEmail.isEmpty()) {
      error.set("Enter your email address.");
      return;
    }
    if (givenPassword.isEmpty()) {
      error.set("Enter a password.");
      return;
    }
    boolean keep = keepSignedIn.get();
    boolean creating = mode.get() == Mode.CREATE_OWNER;
    background.run(
        () -> {
          User user =
              creating
                  ? accounts.create(NewAccount.of(givenEmail, givenPassword))
                  : accounts.authenticate(givenEmail, givenPassword);
          if (keep) {
            remembered.remember(user);
          } else {
            remembered.forget();
          }
          return user;
        },
        user -> {
          password.set("");
          onSignedIn.accept(user);
        },
        message -> {
          password.set("");
          error.set(message);
        });
  }

  public ObjectProperty<Mode> modeProperty() {
    return mode;
  }

  public StringProperty emailProperty() {
    return email;
  }

  public StringProperty passwordProperty() {
    return password;
  }

  public BooleanProperty keepSignedInProperty() {
    return keepSignedIn;
  }

  public StringProperty errorProperty() {
    return error;
  }

  private record Start(Mode mode, User remembered) {}
}
