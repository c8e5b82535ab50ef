package com.siali.label.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * API bodies are untrusted bytes: any of them gives a JSON object of known fields or a 4xx, never a
 * Jackson failure escaping as a 500 and never a stack overflow on deep nesting. The fields are
 * those of {@code PATCH /api/users/{id}}. Seeds in {@code JsonBodyFuzzTestInputs/}; {@code
 * tools/fuzz} fuzzes longer.
 */
class JsonBodyFuzzTest {
  private static final Set<String> WRITABLE =
      Set.of("first_name", "last_name", "phone", "is_active");
  private static final Set<String> READ_ONLY = Set.of("id", "email", "username");

  @FuzzTest(maxDuration = "5m")
  void anyBytesGiveAnObjectOfKnownFieldsOrAClientError(byte[] body) {
    WebRequest request =
        new WebRequest(
            "PATCH",
            "/api/users/1",
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of("content-type", "application/json; charset=utf-8"),
            "127.0.0.1",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            "",
            body);

    HttpClientFault.decodedOrRefused(() -> JsonBody.object(request, WRITABLE, READ_ONLY))
        .ifPresent(
            object -> {
              assertThat(object.isObject()).isTrue();
              assertThat(object.propertyNames()).isSubsetOf(WRITABLE);
              for (String field : List.of("first_name", "last_name", "phone")) {
                HttpClientFault.decodedOrRefused(() -> JsonBody.text(object, field, ""));
              }
            });
  }
}
