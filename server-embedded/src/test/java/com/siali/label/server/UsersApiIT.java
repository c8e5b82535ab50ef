package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SPEC §6 PATCH/DELETE users, avatars and projects; SECURITY.md ownership checks on every object
 * route.
 */
class UsersApiIT extends TwoAccountServer {
  @Test
  void patchChangesOnlyTheCallersOwnProfile() throws Exception {
    var own =
        client.send(
            "PATCH",
            "/api/users/" + collab.id() + "/",
            "{\"first_name\": \"Col\", \"phone\": \"123\"}",
            as(collab));
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(own.body()).get("first_name").asString()).isEqualTo("Col");
    assertThat(app.services.people().get(collab.id()).phone()).isEqualTo("123");

    var other =
        client.send(
            "PATCH", "/api/users/" + lead.id() + "/", "{\"first_name\": \"Hacked\"}", as(collab));
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(app.services.people().get(lead.id()).firstName()).isEmpty();
  }

  @Test
  void emailIsReadOnlyAndUnknownFieldsAreRejectedWithNothingSaved() throws Exception {
    var email =
        client.send(
            "PATCH",
            "/api/users/" + collab.id() + "/",
            "{\"first_name\": \"X\", \"email\": \"new@example.com\"}",
            as(collab));
    assertThat(email.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(email.body()).get("detail").asString())
        .isEqualTo("email is read-only.");
    var unknown =
        client.send("PATCH", "/api/users/" + collab.id() + "/", "{\"is_owner\": true}", as(collab));
    assertThat(unknown.statusCode()).isEqualTo(400);
    var wrongType =
        client.send("PATCH", "/api/users/" + collab.id() + "/", "{\"first_name\": 7}", as(collab));
    assertThat(wrongType.statusCode()).isEqualTo(400);
    var notJson = client.send("PATCH", "/api/users/" + collab.id() + "/", "{not json", as(collab));
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(app.services.people().get(collab.id()).firstName()).isEmpty();
    assertThat(app.services.people().get(collab.id()).email().value())
        .isEqualTo("collab@example.com");
  }

  @Test
  void patchNeedsJson() throws Exception {
    var form =
        client.post("/api/users/" + collab.id() + "/", Map.of("first_name", "X"), as(collab));
    assertThat(form.statusCode()).isEqualTo(405);
    var text = client.send("PATCH", "/api/users/" + collab.id() + "/", null, as(collab));
    assertThat(text.statusCode()).isEqualTo(415);
  }

  @Test
  void onlyTheOwnerDeletesAndNeverItself() throws Exception {
    assertThat(
            client.send("DELETE", "/api/users/" + lead.id() + "/", null, as(collab)).statusCode())
        .isEqualTo(403);
    assertThat(client.send("DELETE", "/api/users/" + lead.id() + "/", null, as(lead)).statusCode())
        .isEqualTo(403);
    assertThat(
            client.send("DELETE", "/api/users/" + collab.id() + "/", null, as(lead)).statusCode())
        .isEqualTo(204);
    assertThat(app.services.people().find(collab.id())).isEmpty();
    assertThat(
            client.send("DELETE", "/api/users/" + collab.id() + "/", null, as(lead)).statusCode())
        .isEqualTo(404);
  }

  @Test
  void avatarApiIsOwnOnlyAndFollowsThePictureRules() throws Exception {
    var other =
        client.upload(
            "/api/users/" + lead.id() + "/avatar/",
            Map.of(),
            "avatar",
            Pictures.png(64, 64),
            as(collab));
    assertThat(other.statusCode()).isEqualTo(403);
    var svg =
        client.upload(
            "/api/users/" + collab.id() + "/avatar/",
            Map.of(),
            "avatar",
            "<svg/>".getBytes(),
            as(collab));
    assertThat(svg.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(svg.body()).get("detail").asString())
        .startsWith("SVG pictures are not accepted");
    var json = client.send("POST", "/api/users/" + collab.id() + "/avatar/", "{}", as(collab));
    assertThat(json.statusCode()).isEqualTo(415);

    var ok =
        client.upload(
            "/api/users/" + collab.id() + "/avatar/",
            Map.of(),
            "avatar",
            Pictures.png(64, 64),
            as(collab));
    assertThat(ok.statusCode()).isEqualTo(201);
    assertThat(JSON.readTree(ok.body()).get("avatar").asString())
        .matches("/data/avatars/[0-9a-f]{32}\\.jpg");
    assertThat(
            client
                .send("DELETE", "/api/users/" + lead.id() + "/avatar/", null, as(collab))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            client
                .send("DELETE", "/api/users/" + collab.id() + "/avatar/", null, as(collab))
                .statusCode())
        .isEqualTo(204);
    assertThat(app.services.people().get(collab.id()).avatar()).isEmpty();
  }

  @Test
  void projectsAndAnnotationsFeedTheActivityOfAPerson() throws Exception {
    var created =
        client.send(
            "POST",
            "/api/projects/",
            "{\"title\": \"Street signs\", \"description\": \"Boxes\"}",
            as(lead));
    assertThat(created.statusCode()).isEqualTo(201);
    var project = JSON.readTree(created.body());
    assertThat(project.get("created_by").asLong()).isEqualTo(lead.id());
    assertThat(project.get("created_at").asString()).endsWith("Z");
    long projectId = project.get("id").asLong();

    var annotation =
        client.send(
            "POST",
            "/api/projects/" + projectId + "/annotations/",
            "{\"result\": [{\"value\": {\"labels\": [\"Stop\"]}}]}",
            as(collab));
    assertThat(annotation.statusCode()).isEqualTo(201);
    assertThat(JSON.readTree(annotation.body()).get("completed_by").asLong())
        .isEqualTo(collab.id());
    assertThat(app.services.people().activityOf(collab.id()).contributedTo()).hasSize(1);

    assertThat(
            client
                .send("POST", "/api/projects/9999/annotations/", "{\"result\": 1}", as(collab))
                .statusCode())
        .isEqualTo(404);
    assertThat(client.send("POST", "/api/projects/", "{\"title\": \"\"}", as(lead)).statusCode())
        .isEqualTo(400);
    assertThat(
            client
                .send("POST", "/api/projects/" + projectId + "/annotations/", "{}", as(collab))
                .statusCode())
        .isEqualTo(400);
    var list = JSON.readTree(client.get("/api/projects/", as(collab)).body());
    assertThat(list.size()).isEqualTo(1);
  }
}
