package com.siali.label.app.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.siali.label.server.Pictures;
import com.siali.label.server.StoryBrowser;
import com.siali.label.testing.TestDatabases;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * A real load balancer (issue #16): two {@code label-studio start --headless} processes on one
 * PostgreSQL database, each with its own data directory, behind Debian's nginx running the shipped
 * {@code docs/nginx/label-studio.conf} (round robin, no stickiness), and headless Chromium walking
 * the seed's story through nginx. Half-way one node is killed (SIGKILL) and the story goes on
 * through the other, with everything acknowledged before still there. PostgreSQL only: on H2 each
 * node would have a database of its own. A missing nginx fails the test with one line.
 */
class NginxClusterBrowserIT {
  private static final String LEAD = "lead@example.com";
  private static final String PASSWORD = "correct horse battery";
  private static final String MARIA = "maria.garcia@example.com";
  private static final String MARIA_PASSWORD = "a perfectly fine passphrase";

  @TempDir Path tmp;
  final List<CliProcess> nodes = new ArrayList<>();
  final List<Integer> nodePorts = new ArrayList<>();
  NginxProcess nginx;
  StoryBrowser story;

  @BeforeEach
  void cluster() throws Exception {
    assumeTrue(TestDatabases.postgres(), "PostgreSQL only: nodes share one database");
    Map<String, String> environment = new HashMap<>(TestDatabases.environment(tmp.resolve("a")));
    environment.put("LABEL_STUDIO_TRUSTED_PROXIES", "127.0.0.1");
    startNode("a", environment, "--username", LEAD, "--password", PASSWORD);
    startNode("b", environment);
    Path shipped = Path.of("").toAbsolutePath().getParent().resolve("docs/nginx/label-studio.conf");
    nginx = NginxProcess.start(shipped, freePort(), nodePorts);
    story = new StoryBrowser(tmp.resolve("chromium-profile"), nginx.base());
  }

  private void startNode(String name, Map<String, String> shared, String... seed) throws Exception {
    int port = freePort();
    Map<String, String> environment = new HashMap<>(shared);
    environment.put("LABEL_STUDIO_NODE_NAME", "node-" + name);
    List<String> args =
        new ArrayList<>(
            List.of(
                "start", "--headless", "--host", "127.0.0.1", "--port", Integer.toString(port)));
    args.addAll(List.of(seed));
    CliProcess node =
        CliProcess.launch(tmp.resolve(name), environment, args.toArray(String[]::new));
    nodes.add(node);
    node.awaitLine("Siali Label is running at", 90);
    nodePorts.add(port);
  }

  @AfterEach
  void stop() throws Exception {
    if (story != null) {
      story.close();
    }
    if (nginx != null) {
      nginx.close();
    }
    nodes.stream().filter(CliProcess::isAlive).forEach(CliProcess::kill);
  }

  @Test
  void theSeedStoryThroughNginxSurvivesTheLossOfANode() throws Exception {
    story.logIn(LEAD, PASSWORD);
    story.open("/people/");
    String invitation = story.invitationPath();
    story.shot("cluster-01-people");
    story.logOut();

    // Every page and form below has been served by either node and posted to either node.
    story.signUp(invitation, MARIA, MARIA_PASSWORD);
    assertThat(story.pageSource()).contains("Welcome, " + MARIA);
    story.logOut();
    story.logIn(MARIA, MARIA_PASSWORD);
    story.saveName("María", "García");
    Path picture = tmp.resolve("me.png");
    Files.write(picture, Pictures.png(800, 600));
    story.uploadPicture(picture);
    story.shot("cluster-02-account-with-picture");
    story.logOut();

    story.logIn(LEAD, PASSWORD);
    assertThat(story.searchPeople("garc")).isEqualTo(1);
    assertThat(nodesThatAnswered()).as("round robin: both nodes served the story").hasSize(2);

    nodes.getFirst().kill(); // SIGKILL, mid-way: the lead's session goes on through node b
    assertThat(story.searchPeople("garc")).as("People, through the node left").isEqualTo(1);
    story.shot("cluster-03-people-after-a-node-died");
    String fresh = story.resetInvitationLink();
    assertThat(fresh).isNotEqualTo(invitation);
    story.logOut();
    story.open(invitation);
    assertThat(story.pageSource()).contains("This invitation link is no longer valid");
    story.signUp(fresh, "ada@example.com", MARIA_PASSWORD);
    story.logOut();

    assertThat(Files.readString(tmp.resolve("b/logs/siali-label.log")))
        .as("each node's log lines carry its name")
        .contains(" node-b INFO ");

    story.logIn(MARIA, MARIA_PASSWORD);
    story.open("/user/account/");
    assertThat(story.driver().findElement(By.id("first_name")).getDomProperty("value"))
        .isEqualTo("María");
    // The picture was stored by whichever node took the upload; the one left must serve it.
    assertThat(story.shownPictureWidth())
        .as("the picture, served by the node left")
        .isEqualTo(512L);
    story.shot("cluster-04-account-after-a-node-died");
  }

  /** The node addresses in nginx's access log. */
  private List<String> nodesThatAnswered() throws IOException {
    return nginx.accessLog().stream()
        .map(line -> line.split("[ ,]")[0])
        .filter(address -> address.startsWith("127.0.0.1:"))
        .distinct()
        .toList();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
