package com.siali.label.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.model.StorageUnavailableException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {
  private final ErrorMapper mapper =
      new ErrorMapper((status, message) -> WebResponse.html(status, "<p>" + message + "</p>"));

  @Test
  void aFullDiskIsA503WithRetryAfterSayingTheServerCannotSaveNow() {
    var api = mapper.map("/api/users/1", new StorageUnavailableException());
    assertThat(api.status()).isEqualTo(503);
    assertThat(api.headers()).containsEntry("Retry-After", "5");
    assertThat(new String(api.body(), StandardCharsets.UTF_8))
        .startsWith("{\"detail\":")
        .contains("cannot save right now");

    var page = mapper.map("/user/signup/", new StorageUnavailableException());
    assertThat(page.status()).isEqualTo(503);
    assertThat(page.headers()).containsEntry("Retry-After", "5");
    assertThat(new String(page.body(), StandardCharsets.UTF_8))
        .contains("cannot save right now")
        .doesNotContain("Something went wrong");
  }
}
