package com.siali.label.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailListTest {
  @Test
  void addressesArePastedOnePerLineOrSeparatedByCommasOrSemicolons() {
    assertThat(
            EmailList.split(
                " ada@example.com,grace@example.com\r\n\n alan@example.com ; bo@x.org,"))
        .containsExactly("ada@example.com", "grace@example.com", "alan@example.com", "bo@x.org");
  }

  @Test
  void nothingPastedIsNoAddress() {
    assertThat(EmailList.split("")).isEmpty();
    assertThat(EmailList.split(" ,\n ")).isEmpty();
    assertThat(EmailList.split(null)).isEmpty();
  }
}
