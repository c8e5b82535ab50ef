package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.model.ProfileUpdate;
import com.siali.label.model.User;
import com.siali.label.service.AccountService;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §3 Account & Settings through the real server. */
class AccountPageIT {
  @TempDir Path tmp;
  TestServer app;
  Browser browser;
  User ada;

  @BeforeEach
  void start() throws Exception {
    app = new TestServer(tmp.resolve("data"), Optional.empty());
    ada = app.account("ada@example.com");
    browser = new Browser(app.base());
    browser.logIn("ada@example.com", TestServer.PASSWORD);
  }

  @AfterEach
  void stop() {
    app.close();
  }

  private HttpResponse<String> submit(Map<String, String> fields) throws Exception {
    var form = new HashMap<>(fields);
    form.put("csrf_token", browser.csrfFrom("/user/account/"));
    return browser.post("/user/account/", form);
  }

  @Test
  void pageShowsTheProfileFormsTokenAndPassword() throws Exception {
    var page = browser.get("/user/account/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "name=\"first_name\"",
            "name=\"last_name\"",
            "name=\"phone\"",
            "name=\"avatar\"",
            "enctype=\"multipart/form-data\"",
            app.tokenOf(ada),
            "autocomplete=\"new-password\"",
            "autocomplete=\"current-password\"");
    assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(new Browser(app.base()).get("/user/account/").statusCode())
        .as("anonymous")
        .isEqualTo(302);
  }

  @Test
  void aSaveOverAChangeMadeElsewhereIsRefusedAndShowsTheNewValues() throws Exception {
    String form = browser.get("/user/account/").body();
    assertThat(form).contains("name=\"loaded_first_name\" value=\"\"");
    app.services.accounts().updateProfile(ada.id(), new ProfileUpdate("Augusta", "King", ""));
    var stale =
        submit(
            Map.of(
                "action", "profile",
                "first_name", "Ada",
                "last_name", "Lovelace",
                "phone", "",
                "loaded_first_name", "",
                "loaded_last_name", "",
                "loaded_phone", ""));
    assertThat(stale.statusCode()).isEqualTo(409);
    assertThat(stale.body())
        .contains(AccountService.PROFILE_CHANGED_ELSEWHERE, "value=\"Augusta\"");
    assertThat(app.services.people().get(ada.id()).firstName()).isEqualTo("Augusta");
  }

  @Test
  void profileIsSavedAndShown() throws Exception {
    var saved =
        submit(
            Map.of(
                "action",
                "profile",
                "first_name",
                " Ada ",
                "last_name",
                "Lovelace",
                "phone",
                "+44 20 1"));
    assertThat(saved.statusCode()).isEqualTo(302);
    var page = browser.get(saved.headers().firstValue("Location").orElseThrow());
    assertThat(page.body())
        .contains("Your profile was saved.", "value=\"Ada\"", "value=\"Lovelace\"", "Ada Lovelace");
    assertThat(app.services.people().get(ada.id()).phone()).isEqualTo("+44 20 1");

    var bad =
        submit(
            Map.of(
                "action", "profile", "first_name", "x".repeat(151), "last_name", "", "phone", ""));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("First name must be at most 150 characters.");
    assertThat(app.services.people().get(ada.id()).firstName()).isEqualTo("Ada");
  }

  @Test
  void pictureUploadIsScaledStoredAndServedSafely() throws Exception {
    String csrf = browser.csrfFrom("/user/account/");
    var upload =
        browser.upload(
            "/user/account/",
            Map.of("csrf_token", csrf, "action", "avatar"),
            "avatar",
            Pictures.png(900, 700));
    assertThat(upload.statusCode()).isEqualTo(302);
    var page = browser.get(upload.headers().firstValue("Location").orElseThrow());
    assertThat(page.body()).contains("cropped to a square and scaled to at most 512×512");
    var src = Pattern.compile("src=\"(/data/avatars/[0-9a-f]{32}\\.jpg)\"").matcher(page.body());
    assertThat(src.find()).isTrue();

    var picture = browser.getBytes(src.group(1));
    assertThat(picture.statusCode()).isEqualTo(200);
    assertThat(picture.headers().firstValue("Content-Type")).contains("image/jpeg");
    assertThat(picture.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(picture.headers().firstValue("Content-Security-Policy"))
        .contains("default-src 'none'; sandbox");
    var image = ImageIO.read(new ByteArrayInputStream(picture.body()));
    assertThat(image.getWidth()).isEqualTo(512);
    assertThat(image.getHeight()).isEqualTo(512);
    assertThat(new Browser(app.base()).getBytes(src.group(1)).statusCode())
        .as("anonymous")
        .isEqualTo(302);
  }

  @Test
  void svgAndNonImagesAreRefusedWithAMessage() throws Exception {
    String csrf = browser.csrfFrom("/user/account/");
    var svg =
        browser.upload(
            "/user/account/",
            Map.of("csrf_token", csrf, "action", "avatar"),
            "avatar",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(svg.statusCode()).isEqualTo(400);
    assertThat(svg.body()).contains("SVG pictures are not accepted");
    assertThat(app.services.people().get(ada.id()).avatar()).isEmpty();
  }

  @Test
  void uploadWithoutCsrfIsRefused() throws Exception {
    var upload =
        browser.upload(
            "/user/account/", Map.of("action", "avatar"), "avatar", Pictures.png(50, 50));
    assertThat(upload.statusCode()).isEqualTo(403);
    assertThat(app.services.people().get(ada.id()).avatar()).isEmpty();
  }

  @Test
  void oversizedUploadIsRefusedWhileStreaming() throws Exception {
    String csrf = browser.csrfFrom("/user/account/");
    var upload =
        browser.upload(
            "/user/account/",
            Map.of("csrf_token", csrf, "action", "avatar"),
            "avatar",
            new byte[7 * 1024 * 1024]);
    assertThat(upload.statusCode()).isEqualTo(413);
  }

  @Test
  void pictureCanBeRemoved() throws Exception {
    app.services.avatars().set(ada.id(), Pictures.png(64, 64));
    var removed = submit(Map.of("action", "remove_avatar"));
    assertThat(removed.statusCode()).isEqualTo(302);
    assertThat(app.services.people().get(ada.id()).avatar()).isEmpty();
  }

  @Test
  void tokenResetShowsTheNewToken() throws Exception {
    String old = app.tokenOf(ada);
    submit(Map.of("action", "reset_token"));
    String fresh = app.tokenOf(ada);
    assertThat(fresh).isNotEqualTo(old);
    assertThat(browser.get("/user/account/").body()).contains(fresh).doesNotContain(old);
  }

  @Test
  void theTokenStaysBehindShowWithoutAScriptAndResetIsAButtonApartFromIt() throws Exception {
    String page = browser.get("/user/account/").body();
    assertThat(page)
        .as("a closed <details>: Show works without JavaScript")
        .containsPattern("<details class=\"secret\">\\s*<summary>")
        .contains("Show token")
        .contains("<button type=\"submit\" class=\"secondary danger\">Reset token</button>")
        .doesNotContain("class=\"link\">Reset token")
        .contains("readonly class=\"read-only\"", "type=\"file\" class=\"file\"", "5 MiB");
    submit(Map.of("action", "reset_token"));
    assertThat(browser.get("/user/account/?done=reset_token").body())
        .as("the new token is shown right after Reset")
        .contains("<details class=\"secret\" open>");
  }

  @Test
  void passwordChangeNeedsTheCurrentOneAndEndsOtherSessions() throws Exception {
    var otherBrowser = new Browser(app.base());
    otherBrowser.logIn("ada@example.com", TestServer.PASSWORD);

    var wrong =
        submit(
            Map.of(
                "action",
                "password",
                "current_password",
                "nope",
                "password",
                "a brand new passphrase"));
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("Your current password was entered incorrectly.");

    var weak =
        submit(
            Map.of(
                "action",
                "password",
                "current_password",
                TestServer.PASSWORD,
                "password",
                "password1"));
    assertThat(weak.body()).contains("too common");

    var ok =
        submit(
            Map.of(
                "action",
                "password",
                "current_password",
                TestServer.PASSWORD,
                "password",
                "a brand new passphrase"));
    assertThat(ok.statusCode()).isEqualTo(302);
    assertThat(browser.get("/user/account/").statusCode())
        .as("this browser stays signed in")
        .isEqualTo(200);
    assertThat(otherBrowser.get("/").statusCode()).as("the other one is signed out").isEqualTo(302);
  }
}
