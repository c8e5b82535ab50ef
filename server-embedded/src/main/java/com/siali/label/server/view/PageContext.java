package com.siali.label.server.view;

import com.siali.label.model.User;
import java.util.Optional;

/** What every page's layout needs: who is signed in and the CSRF token its forms carry. */
public record PageContext(Optional<User> user, String csrfToken) {}
