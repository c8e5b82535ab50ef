package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The seed story in a real headless Chromium (Debian's chromium + chromium-driver): the lead shares
 * the invitation link, a collaborator signs up with it, logs out and in, sets a picture; the lead
 * finds them in People, opens their detail and resets the link, and the old link is refused. A
 * missing browser fails the test.
 */
class TeamStoryBrowserIT {

  @TempDir Path tmp;
  TestServer app;
  StoryBrowser story;

  @BeforeEach
  void start() throws Exception {
    app = new TestServer(tmp.resolve("data"), Optional.empty());
    app.account("lead@example.com");
    story = new StoryBrowser(tmp.resolve("chromium-profile"), app.base());
  }

  @AfterEach
  void stop() {
    if (story != null) {
      story.close();
    }
    if (app != null) {
      app.close();
    }
  }

  @Test
  void theTeamStory() throws Exception {
    var browser = story.driver();
    story.open("/user/login/");
    story.shot("01-login");
    story.logIn("lead@example.com", TestServer.PASSWORD);
    story.shot("02-home");
    story.open("/people/");
    String invitation = story.invitationPath();
    assertThat(browser.findElement(By.cssSelector("img.qr")).getDomProperty("naturalWidth"))
        .isNotEqualTo("0");
    story.shot("03-people-with-invitation");
    story.logOut();

    story.open(invitation);
    story.shot("04-signup-by-invitation");
    story.signUp(invitation, "maria.garcia@example.com", "a perfectly fine passphrase");
    assertThat(story.pageSource()).contains("Welcome, maria.garcia@example.com");
    story.logOut();
    story.logIn("maria.garcia@example.com", "a perfectly fine passphrase");

    story.saveName("María", "García");
    Path picture = tmp.resolve("me.png");
    Files.write(picture, Pictures.png(800, 600));
    story.uploadPicture(picture);
    assertThat(story.shownPictureWidth()).isEqualTo(512L);
    story.shot("05-account-with-picture");
    story.logOut();

    story.logIn("lead@example.com", TestServer.PASSWORD);
    assertThat(story.searchPeople("garc")).isEqualTo(1);
    story.shot("06-people-search");
    browser.findElement(By.linkText("María García")).click();
    story.awaitTitleContaining("María García");
    assertThat(story.pageSource()).contains("maria.garcia@example.com", "Last activity");
    story.shot("07-person-detail");

    String fresh = story.resetInvitationLink();
    assertThat(fresh).isNotEqualTo(invitation);
    story.logOut();
    story.open(invitation);
    assertThat(story.pageSource()).contains("This invitation link is no longer valid");
    story.shot("08-old-invitation-refused");
    story.open(fresh);
    assertThat(browser.findElements(By.id("email"))).hasSize(1);
  }
}
