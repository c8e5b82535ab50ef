package com.siali.label.app.console.shell;

import com.siali.label.app.console.server.ServerStatus;
import com.siali.label.service.Services;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Everything the console works on: the services over the installation's database, the server it
 * shows, where "keep me signed in" is remembered, and whether {@code
 * LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK} decides who may sign up.
 */
public record ConsoleContext(
    Services services,
    ServerStatus server,
    Path dataDirectory,
    Optional<Boolean> signupRequiresLinkByEnvironment,
    Clock clock) {}
