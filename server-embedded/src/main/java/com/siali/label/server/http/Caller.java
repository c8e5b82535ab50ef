package com.siali.label.server.http;

import com.siali.label.model.User;
import com.siali.label.service.SessionService.ActiveSession;
import java.util.Optional;

/**
 * Who sent a request, as {@link CallerIdentifier} found out.
 *
 * @param sessionId the session cookie's value, present only when it names a valid session
 * @param session the signed-in session, when the session cookie named one
 * @param tokenUser the account of a valid {@code Authorization: Token} header
 * @param anonymousCsrf the double-submit CSRF cookie of a visitor who is not signed in (may be
 *     empty)
 */
record Caller(
    Optional<String> sessionId,
    Optional<ActiveSession> session,
    Optional<User> tokenUser,
    String anonymousCsrf) {}
