package com.siali.label.model;

import java.util.List;

/**
 * What a person's detail shows besides the profile: projects they created and projects they
 * annotated in.
 */
public record PersonActivity(List<ProjectSummary> created, List<ProjectSummary> contributedTo) {
  public PersonActivity {
    created = List.copyOf(created);
    contributedTo = List.copyOf(contributedTo);
  }
}
