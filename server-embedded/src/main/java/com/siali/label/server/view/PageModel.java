package com.siali.label.server.view;

/**
 * The data of one page: one record per JTE template, whose {@code @param model} is of that record's
 * type. Handlers build the record, so a misspelt or missing field fails the build instead of
 * rendering an empty page; {@link Pages} adds the {@link PageContext} every layout needs.
 */
public sealed interface PageModel
    permits AccountPageModel,
        AuditPageModel,
        DeletePersonPageModel,
        ErrorPageModel,
        HomePageModel,
        InvitationsPageModel,
        SignupRefusedPageModel,
        LoginPageModel,
        PeoplePageModel,
        PersonPageModel,
        ResetLinkPageModel,
        ResetPasswordPageModel,
        SignupPageModel {

  /** The template that renders this model, under {@code src/main/jte}. */
  String template();
}
