package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.server.http.TrustedProxies;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behind a load balancer (issue #16 item 3): {@code X-Forwarded-For} and {@code X-Forwarded-Proto}
 * count only from a peer in {@code LABEL_STUDIO_TRUSTED_PROXIES} (this test's client is that peer,
 * on loopback, or is not), and {@code LABEL_STUDIO_HOST} is allowed as a host and used in links.
 */
class TrustedProxiesIT {
  private static final String LEAD = "lead@example.com";
  private static final Pattern INVITE_LINK =
      Pattern.compile("id=\"invite-link\"[^>]*value=\"([^\"]*)\"");

  @TempDir Path tmp;
  TestServer app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  private Browser behind(String proxies) {
    app = new TestServer(tmp.resolve("data"), TrustedProxies.parse(proxies), Optional.empty());
    app.account(LEAD);
    return new Browser(app.base());
  }

  private static void guessFrom(Browser browser, String address, int times) throws Exception {
    for (int i = 0; i < times; i++) {
      browser.logIn(LEAD, "wrong password " + i, "X-Forwarded-For", address);
    }
  }

  @Test
  void anUntrustedPeerCannotChooseItsThrottleKeyWithXForwardedFor() throws Exception {
    Browser guesser = behind("10.0.0.0/8");
    for (int i = 0; i < 7; i++) {
      guessFrom(guesser, "198.51.100." + i, 1); // a new "address" each time
    }

    var real = guesser.logIn(LEAD, TestServer.PASSWORD, "X-Forwarded-For", "203.0.113.50");

    assertThat(real.statusCode())
        .as("all of it came from one peer: the header was ignored")
        .isEqualTo(429);
  }

  @Test
  void aTrustedProxysClientAddressIsTheThrottleKeySoOneGuesserLocksOutNobodyElse()
      throws Exception {
    Browser viaProxy = behind("127.0.0.1, ::1");
    guessFrom(viaProxy, "198.51.100.7", 7);

    var guesserAgain = viaProxy.logIn(LEAD, TestServer.PASSWORD, "X-Forwarded-For", "198.51.100.7");
    var realUser =
        new Browser(app.base()).logIn(LEAD, TestServer.PASSWORD, "X-Forwarded-For", "203.0.113.50");

    assertThat(guesserAgain.statusCode()).isEqualTo(429);
    assertThat(realUser.statusCode())
        .as("the real user behind the same proxy logs in")
        .isEqualTo(302);
  }

  @Test
  void cookiesAreSecureOnlyBehindATrustedTlsTerminatingProxy() throws Exception {
    Browser viaProxy = behind("127.0.0.1");
    var overTls = viaProxy.logIn(LEAD, TestServer.PASSWORD, "X-Forwarded-Proto", "https");
    var plain = new Browser(app.base()).logIn(LEAD, TestServer.PASSWORD);

    assertThat(overTls.headers().allValues("set-cookie"))
        .isNotEmpty()
        .allSatisfy(cookie -> assertThat(cookie).endsWith("; Secure"));
    assertThat(plain.headers().allValues("set-cookie"))
        .isNotEmpty()
        .noneSatisfy(cookie -> assertThat(cookie).contains("Secure"));
  }

  @Test
  void anUntrustedPeerCannotClaimHttps() throws Exception {
    Browser stranger = behind("10.0.0.0/8");

    var login = stranger.logIn(LEAD, TestServer.PASSWORD, "X-Forwarded-Proto", "https");

    assertThat(login.headers().allValues("set-cookie"))
        .isNotEmpty()
        .noneSatisfy(cookie -> assertThat(cookie).contains("Secure"));
  }

  @Test
  void aMalformedXForwardedForFromTheProxyIsIgnoredNeverA500() throws Exception {
    Browser viaProxy = behind("127.0.0.1");
    for (String header : new String[] {"unknown", "<script>, 1.2.3.4", "999.1.1.1", ",,,"}) {
      HttpResponse<String> page = viaProxy.get("/user/login/", "X-Forwarded-For", header);
      assertThat(page.statusCode()).as(header).isEqualTo(200);
    }
    assertThat(
            viaProxy
                .logIn(LEAD, TestServer.PASSWORD, "X-Forwarded-For", "not, an, address")
                .statusCode())
        .isEqualTo(302);
  }

  @Test
  void thePublicHostIsAllowedAndTheLinksUseIt() throws Exception {
    app =
        new TestServer(
            tmp.resolve("data"),
            TrustedProxies.parse("127.0.0.1"),
            Optional.of(PublicUrl.parse("https://label.example.com")));
    app.account(LEAD);
    Browser lead = new Browser(app.base());

    assertThat(lead.get("/user/login/", "Host", "label.example.com").statusCode()).isEqualTo(200);
    assertThat(lead.get("/user/login/", "Host", "other.example.com").statusCode()).isEqualTo(400);
    lead.logIn(LEAD, TestServer.PASSWORD);
    Matcher link = INVITE_LINK.matcher(lead.get("/people/").body());
    assertThat(link.find()).isTrue();
    assertThat(link.group(1)).startsWith("https://label.example.com/user/signup/?token=");
    app.account("second@example.com");
    // Behind the balancer the Host header may name the node; the API's page links never do.
    String page = lead.get("/api/users/?page_size=1", "Host", "127.0.0.1").body();
    assertThat(page)
        .contains("\"next\":\"https://label.example.com/api/users/?page=2&page_size=1\"");
  }
}
