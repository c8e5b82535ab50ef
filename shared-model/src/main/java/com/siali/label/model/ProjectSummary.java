package com.siali.label.model;

import java.time.Instant;
import java.util.Optional;

/** A project as lists show it: who created it and when. */
public record ProjectSummary(
    long id, String title, String description, Optional<Long> createdBy, Instant createdAt) {}
