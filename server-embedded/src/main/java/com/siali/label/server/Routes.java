package com.siali.label.server;

import static com.siali.label.server.http.Access.ANYONE;
import static com.siali.label.server.http.Access.API;
import static com.siali.label.server.http.Access.SIGNED_IN;
import static com.siali.label.server.http.Access.SIGNED_IN_OR_TOKEN;

import com.siali.label.server.api.AuditApi;
import com.siali.label.server.api.CurrentUserApi;
import com.siali.label.server.api.InvitationsApi;
import com.siali.label.server.api.InviteApi;
import com.siali.label.server.api.ProjectsApi;
import com.siali.label.server.api.UsersApi;
import com.siali.label.server.handler.AccountPage;
import com.siali.label.server.handler.AuditHistoryPage;
import com.siali.label.server.handler.AvatarFiles;
import com.siali.label.server.handler.HealthCheck;
import com.siali.label.server.handler.HomePage;
import com.siali.label.server.handler.InvitationsPage;
import com.siali.label.server.handler.InvitedSignupPage;
import com.siali.label.server.handler.LoginPage;
import com.siali.label.server.handler.LogoutAction;
import com.siali.label.server.handler.PeoplePage;
import com.siali.label.server.handler.PersonAdminPages;
import com.siali.label.server.handler.ResetPasswordPage;
import com.siali.label.server.handler.SignupPage;
import com.siali.label.server.handler.StaticFiles;
import com.siali.label.server.http.Cookies;
import com.siali.label.server.http.Route;
import com.siali.label.server.throttle.AttemptThrottle;
import com.siali.label.server.throttle.LoginThrottle;
import com.siali.label.server.view.Pages;
import com.siali.label.service.Services;
import java.time.Clock;
import java.util.List;

/** The route table: every URL the LAN server answers, and who may call it. */
final class Routes {
  private Routes() {}

  static List<Route> table(Services services, WebSettings settings, Pages pages, Cookies cookies) {
    var staticFiles = new StaticFiles();
    var health = new HealthCheck(services.databaseStatus());
    var clock = Clock.systemUTC();
    var gate = new SignupGate(services.invitations(), settings.signupRequiresLink());
    var login =
        new LoginPage(
            services.sessions(),
            pages,
            cookies,
            new LoginThrottle(services.attemptCounters(), clock),
            gate);
    var logout = new LogoutAction(services.sessions(), cookies);
    var signupThrottle = new AttemptThrottle(services.attemptCounters(), clock);
    var invitedSignup =
        new InvitedSignupPage(
            services.personalInvitations(),
            services.people(),
            services.sessions(),
            pages,
            cookies,
            signupThrottle,
            AllowedHosts.computerName());
    var signup =
        new SignupPage(
            services.accounts(),
            services.people(),
            services.sessions(),
            gate,
            pages,
            cookies,
            signupThrottle,
            AllowedHosts.computerName(),
            invitedSignup);
    var home = new HomePage(services.people(), pages);
    var currentUser = new CurrentUserApi(services.apiTokens());
    var invite = new InviteApi(services.invitations());
    var users =
        new UsersApi(
            services,
            settings.secureCookies() ? "https" : "http",
            settings.publicUrl().map(PublicUrl::base));
    var projects = new ProjectsApi(services.projects());
    var account = new AccountPage(services, pages, cookies);
    var avatars = new AvatarFiles(services.avatars());
    var links =
        new InvitationLinks(settings.secureCookies() ? "https" : "http", settings.publicUrl());
    var people = new PeoplePage(services, pages, clock, links);
    var admin = new PersonAdminPages(services, pages, links);
    var resetPassword = new ResetPasswordPage(services.passwordResets(), pages);
    var history = new AuditHistoryPage(services.audit(), services.people(), pages);
    var audit = new AuditApi(services.audit());
    var invitations = new InvitationsApi(services.personalInvitations(), links);
    var invitationsPage = new InvitationsPage(services.personalInvitations(), pages, links);
    return List.of(
        Route.ioThreadSafe("GET", "/health", ANYONE, health::health),
        Route.ioThreadSafe("GET", "/static/app.css", ANYONE, staticFiles::css),
        Route.ioThreadSafe("GET", "/static/app.js", ANYONE, staticFiles::js),
        new Route("GET", "/data/avatars/{name}", SIGNED_IN_OR_TOKEN, avatars::serve),
        new Route("GET", "/user/account", SIGNED_IN, account::show),
        new Route("POST", "/user/account", SIGNED_IN, account::submit),
        Route.ioThreadSafeWhile(
            gate::openSignupInMemory, "GET", "/user/login", ANYONE, login::show),
        new Route("POST", "/user/login", ANYONE, login::submit),
        new Route("POST", "/user/logout", ANYONE, logout::logout),
        new Route("GET", "/user/signup", ANYONE, signup::show),
        new Route("POST", "/user/signup", ANYONE, signup::submit),
        new Route("GET", "/", SIGNED_IN, home::show),
        new Route("GET", "/people", SIGNED_IN, people::list),
        new Route("GET", "/people/export.csv", SIGNED_IN, people::exportCsv),
        new Route("GET", "/people/invitations", SIGNED_IN, invitationsPage::show),
        new Route("POST", "/people/invitations", SIGNED_IN, invitationsPage::create),
        new Route("POST", "/people/invitations/revoke-all", SIGNED_IN, invitationsPage::revokeAll),
        new Route("POST", "/people/invitations/{id}/revoke", SIGNED_IN, invitationsPage::revoke),
        new Route("GET", "/people/{id}", SIGNED_IN, people::detail),
        new Route("GET", "/people/invite/qr.png", SIGNED_IN, people::qrCode),
        new Route("POST", "/people/invite/reset", SIGNED_IN, people::resetLink),
        new Route("POST", "/people/{id}/deactivate", SIGNED_IN, admin::deactivate),
        new Route("POST", "/people/{id}/activate", SIGNED_IN, admin::activate),
        new Route("POST", "/people/{id}/sign-out", SIGNED_IN, admin::signOutEverywhere),
        new Route("GET", "/people/{id}/delete", SIGNED_IN, admin::confirmDelete),
        new Route("POST", "/people/{id}/delete", SIGNED_IN, admin::delete),
        new Route("POST", "/people/{id}/reset-password", SIGNED_IN, admin::resetLink),
        new Route("GET", "/audit", SIGNED_IN, history::show),
        new Route("GET", "/user/reset-password/{token}", ANYONE, resetPassword::show),
        new Route("POST", "/user/reset-password/{token}", ANYONE, resetPassword::submit),
        Route.ioThreadSafe(
            "GET", "/api/current-user/whoami", API, currentUser::whoami), // renders the caller
        new Route("GET", "/api/current-user/token", API, currentUser::token),
        new Route("POST", "/api/current-user/reset-token", API, currentUser::resetToken),
        new Route("GET", "/api/invite", API, invite::current),
        new Route("POST", "/api/invite/reset-token", API, invite::reset),
        new Route("POST", "/api/invitations", API, invitations::create),
        new Route("GET", "/api/invitations", API, invitations::list),
        new Route("POST", "/api/invitations/revoke-all", API, invitations::revokeAll),
        new Route("DELETE", "/api/invitations/{id}", API, invitations::revoke),
        new Route("GET", "/api/users", API, users::list),
        new Route("GET", "/api/users/{id}", API, users::get),
        new Route("PATCH", "/api/users/{id}", API, users::patch),
        new Route("DELETE", "/api/users/{id}", API, users::delete),
        new Route("POST", "/api/users/{id}/avatar", API, users::uploadAvatar),
        new Route("DELETE", "/api/users/{id}/avatar", API, users::deleteAvatar),
        new Route("GET", "/api/audit", API, audit::list),
        new Route("GET", "/api/projects", API, projects::list),
        new Route("POST", "/api/projects", API, projects::create),
        new Route("POST", "/api/projects/{id}/annotations", API, projects::annotate));
  }
}
