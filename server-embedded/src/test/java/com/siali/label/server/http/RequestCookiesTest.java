package com.siali.label.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.xnio.OptionMap;

class RequestCookiesTest {
  private static Object value(String... headers) {
    return RequestCookies.value(List.of(headers), OptionMap.EMPTY, Cookies.SESSION);
  }

  @Test
  void findsOurCookieAmongOthersInAnyOfTheHeaders() {
    assertThat(value("a=1; sl_csrf=x", "theme=dark; sl_session=abc.DEF-_1"))
        .hasToString("Optional[abc.DEF-_1]");
    assertThat(value()).hasToString("Optional.empty");
  }

  /** Found by RequestCookiesFuzzTest: Undertow threw StringIndexOutOfBoundsException, a 500. */
  @Test
  void aDollarNameWithAnEmptyValueIsTheClients400() {
    for (String header : new String[] {"$Path=", "sl_session=abc; $theme=="}) {
      assertThatThrownBy(() -> value(header))
          .isInstanceOfSatisfying(
              MalformedRequestException.class,
              refused -> assertThat(refused.status()).isEqualTo(400));
    }
  }

  @Test
  void moreThan200CookiesAre431() {
    String header = String.join("; ", java.util.Collections.nCopies(201, "c=v"));
    assertThatThrownBy(() -> value(header))
        .isInstanceOfSatisfying(
            MalformedRequestException.class,
            refused -> assertThat(refused.status()).isEqualTo(431));
  }
}
