package com.siali.label.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The audit exports' cells: formulas neutralised in CSV, every control character escaped in JSON.
 */
class AuditFormatTest {
  private static AuditEntry entry(String subject, String details) {
    return new AuditEntry(
        7,
        Instant.parse("2026-12-02T08:00:00.123456Z"),
        Optional.empty(),
        "command line",
        AuditAction.PASSWORD_CHANGED,
        Optional.of(3L),
        subject,
        "",
        "command line",
        true,
        details);
  }

  @Test
  void aCsvCellThatASpreadsheetWouldRunStaysText() {
    StringBuilder out = new StringBuilder();
    AuditFormat.CSV.write(out, entry("=HYPERLINK(\"x\")@example.com", "by: self, \"quoted\""));
    assertThat(out.toString())
        .isEqualTo(
            "2026-12-02T08:00:00.123456Z,,command line,password_changed,3,"
                + "\"'=HYPERLINK(\"\"x\"\")@example.com\",,command line,success,"
                + "\"by: self, \"\"quoted\"\"\"\r\n");
  }

  @Test
  void aJsonLineEscapesQuotesBackslashesAndControlCharacters() {
    StringBuilder out = new StringBuilder();
    AuditFormat.JSONL.write(out, entry("a\"b\\c@example.com", "line\nbreak\u0001\u2028"));
    assertThat(out.toString())
        .isEqualTo(
            "{\"time\":\"2026-12-02T08:00:00.123456Z\",\"actor_id\":null,\"actor\":\"command line\","
                + "\"action\":\"password_changed\",\"subject_id\":3,"
                + "\"subject\":\"a\\\"b\\\\c@example.com\",\"client_address\":\"\","
                + "\"channel\":\"command line\",\"outcome\":\"success\","
                + "\"details\":\"line\\nbreak\\u0001\\u2028\"}\n");
  }

  @Test
  void onlyTheTwoFormatsAreKnown() {
    assertThat(AuditFormat.parse(" JSONL ", "format")).isEqualTo(AuditFormat.JSONL);
    assertThatThrownBy(() -> AuditFormat.parse("xml", "format"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("The format must be csv or jsonl.");
  }

  @Test
  void aCursorSurvivesItsTextForm() {
    AuditCursor cursor = new AuditCursor(Instant.parse("2026-12-02T08:00:00.123456Z"), 42);
    assertThat(AuditCursor.parse(cursor.text())).isEqualTo(cursor);
    assertThatThrownBy(() -> AuditCursor.parse("12-x")).isInstanceOf(ValidationException.class);
  }
}
