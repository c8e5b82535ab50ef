package com.siali.label.app.console.shell;

import com.siali.label.app.console.account.AccountModel;
import com.siali.label.app.console.addpeople.AddPeopleModel;
import com.siali.label.app.console.common.Background;
import com.siali.label.app.console.history.HistoryModel;
import com.siali.label.app.console.people.PeopleModel;
import com.siali.label.app.console.server.ServerModel;
import com.siali.label.app.console.signin.RememberedSignIn;
import com.siali.label.app.console.signin.SignInModel;
import com.siali.label.model.User;
import com.siali.label.service.Services;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;

/**
 * The one place that hands each of the console's view-models the services it uses, out of what the
 * launcher gives the console: the window asks it for a screen's model, the models never see the
 * whole {@link Services}.
 */
public final class ConsoleModels {
  private final ConsoleContext context;
  private final Background background;
  private final RememberedSignIn remembered;

  public ConsoleModels(ConsoleContext context, Background background) {
    this.context = context;
    this.background = background;
    this.remembered = new RememberedSignIn(context.services().sessions(), context.dataDirectory());
  }

  Background background() {
    return background;
  }

  /** "Keep me signed in": one for the window, shared by signing in, out and changing passwords. */
  RememberedSignIn remembered() {
    return remembered;
  }

  SignInModel signIn(Consumer<User> onSignedIn) {
    Services services = context.services();
    return new SignInModel(
        services.accounts(), services.people(), remembered, background, onSignedIn);
  }

  PeopleModel people(ObjectProperty<User> signedIn) {
    Services services = context.services();
    return new PeopleModel(
        services.people(),
        services.accounts(),
        services.administration(),
        services.sessions(),
        services.avatars(),
        services.passwordResets(),
        () -> context.server().urls(),
        context.clock(),
        background,
        signedIn);
  }

  AddPeopleModel addPeople(ObjectProperty<User> signedIn) {
    return new AddPeopleModel(
        context.services().invitations(),
        context.services().personalInvitations(),
        context.server(),
        context.signupRequiresLinkByEnvironment(),
        background,
        signedIn);
  }

  AccountModel account(ObjectProperty<User> signedIn) {
    Services services = context.services();
    return new AccountModel(
        services.accounts(),
        services.avatars(),
        services.apiTokens(),
        remembered,
        background,
        signedIn);
  }

  ScreensFollowChanges followChanges(
      ObjectProperty<User> signedIn,
      PeopleModel people,
      AddPeopleModel addPeople,
      ServerModel server,
      Optional<HistoryModel> history) {
    Services services = context.services();
    return new ScreensFollowChanges(
        services.changes(),
        background,
        services.people(),
        signedIn,
        people,
        addPeople,
        server,
        history);
  }

  /** History: the owner's only (the window shows it to the owner). */
  HistoryModel history(ObjectProperty<User> signedIn) {
    return new HistoryModel(
        context.services().audit(), background, signedIn, java.time.ZoneId.systemDefault());
  }

  ServerModel server(ObjectProperty<User> signedIn) {
    return new ServerModel(context.server(), context.services().sessions(), background, signedIn);
  }
}
