package com.siali.label.server.handler;

import com.siali.label.model.ConflictException;
import com.siali.label.model.DomainException;
import com.siali.label.model.ProfileUpdate;
import com.siali.label.model.ServiceBusyException;
import com.siali.label.model.StorageUnavailableException;
import com.siali.label.model.User;
import com.siali.label.server.http.Cookies;
import com.siali.label.server.http.WebRequest;
import com.siali.label.server.http.WebResponse;
import com.siali.label.server.view.AccountPageModel;
import com.siali.label.server.view.AccountPageModel.Section;
import com.siali.label.server.view.AccountPageModel.SectionError;
import com.siali.label.server.view.Pages;
import com.siali.label.service.Services;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /user/account/}: profile, picture, API token and password. Each form posts here with an
 * {@code action}; success redirects back with a notice (so a reload does not post twice), a refusal
 * re-renders with the message.
 */
public final class AccountPage {
  private static final Map<String, String> NOTICES =
      Map.of(
          "profile", "Your profile was saved.",
          "avatar", "Your picture was updated.",
          "avatar_adjusted",
              "Your picture was updated. It was cropped to a square and scaled to at most 512×512 pixels.",
          "remove_avatar", "Your picture was removed.",
          "reset_token", "You have a new API token. The old one no longer works.",
          "password", "Your password was changed. You were signed out everywhere else.");

  private final Services services;
  private final Pages pages;
  private final Cookies cookies;

  public AccountPage(Services services, Pages pages, Cookies cookies) {
    this.services = services;
    this.pages = pages;
    this.cookies = cookies;
  }

  public WebResponse show(WebRequest request) {
    String notice = request.queryParam("done").map(NOTICES::get).orElse("");
    return render(request, 200, notice, Optional.empty());
  }

  public WebResponse submit(WebRequest request) {
    User user = request.requireUser();
    String action = request.formField("action");
    try {
      return switch (action) {
        case "profile" -> {
          ProfileUpdate update =
              new ProfileUpdate(
                  request.formField("first_name"),
                  request.formField("last_name"),
                  request.formField("phone"));
          // The form carries what it showed: a save over a change made elsewhere meanwhile is
          // refused (ConflictException) and the page shows the new values.
          if (request.formFieldPresent("loaded_first_name")) {
            ProfileUpdate loadedFrom =
                new ProfileUpdate(
                    request.formField("loaded_first_name"),
                    request.formField("loaded_last_name"),
                    request.formField("loaded_phone"));
            services.accounts().updateProfile(user.id(), loadedFrom, update);
          } else {
            services.accounts().updateProfile(user.id(), update);
          }
          yield done("profile");
        }
        case "avatar" -> {
          byte[] upload = request.files().getOrDefault("avatar", new byte[0]);
          yield done(
              services.avatars().set(user.id(), upload).adjusted() ? "avatar_adjusted" : "avatar");
        }
        case "remove_avatar" -> {
          services.avatars().remove(user.id());
          yield done("remove_avatar");
        }
        case "reset_token" -> {
          services.apiTokens().rotate(user.id());
          yield done("reset_token");
        }
        case "password" -> changePassword(request, user);
        default -> refuse(request, Section.PROFILE, "Unknown action.");
      };
    } catch (StorageUnavailableException | ServiceBusyException later) {
      throw later; // not the form's fault: 503 with Retry-After (ErrorMapper)
    } catch (DomainException refused) {
      Section section =
          switch (action) {
            case "avatar", "remove_avatar" -> Section.AVATAR;
            case "password" -> Section.PASSWORD;
            default -> Section.PROFILE;
          };
      return refuse(request, section, refused);
    }
  }

  /**
   * All sessions end (SPEC §8); this browser gets a fresh one so the person is not thrown out
   * mid-task.
   */
  private WebResponse changePassword(WebRequest request, User user) {
    services
        .accounts()
        .changePassword(
            user.id(), request.formField("current_password"), request.formField("password"));
    boolean remember = request.session().map(s -> s.rememberMe()).orElse(false);
    var session = services.sessions().start(user.id(), remember);
    return done("password").cookie(cookies.session(session.id(), remember));
  }

  private static WebResponse done(String what) {
    return WebResponse.redirect("/user/account/?done=" + what);
  }

  /** The page again with the refusal beside the form that caused it. */
  private WebResponse refuse(WebRequest request, Section section, String message) {
    return render(request, 400, "", Optional.of(new SectionError(section, message)));
  }

  /** A stale save is a 409 (the form now shows the new values); any other refusal a 400. */
  private WebResponse refuse(WebRequest request, Section section, DomainException refused) {
    int status = refused instanceof ConflictException ? 409 : 400;
    return render(
        request, status, "", Optional.of(new SectionError(section, refused.getMessage())));
  }

  private WebResponse render(
      WebRequest request, int status, String notice, Optional<SectionError> error) {
    User user = services.people().get(request.requireUser().id());
    return pages.render(
        request,
        status,
        new AccountPageModel(
            user,
            services.apiTokens().tokenOf(user.id()),
            notice,
            error,
            request.queryParam("done").filter("reset_token"::equals).isPresent()));
  }
}
