package com.siali.label.server.api;

import com.siali.label.model.ProjectSummary;
import com.siali.label.model.Timestamps;
import com.siali.label.server.http.ApiError;
import com.siali.label.server.http.Json;
import com.siali.label.server.http.JsonBody;
import com.siali.label.server.http.WebRequest;
import com.siali.label.server.http.WebResponse;
import com.siali.label.service.ProjectService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/projects/}: enough of Label Studio's projects and annotations for "created" and
 * "contributed to".
 */
public final class ProjectsApi {
  private final ProjectService projects;

  public ProjectsApi(ProjectService projects) {
    this.projects = projects;
  }

  public WebResponse list(WebRequest request) {
    return WebResponse.json(
        200, Json.write(projects.all().stream().map(ProjectsApi::json).toList()));
  }

  public WebResponse create(WebRequest request) {
    var body =
        JsonBody.object(
            request, Set.of("title", "description"), Set.of("id", "created_by", "created_at"));
    ProjectSummary created =
        projects.create(
            request.requireUser().id(),
            JsonBody.text(body, "title", ""),
            JsonBody.text(body, "description", ""));
    return WebResponse.json(201, Json.write(json(created)));
  }

  /** {@code {"result": <any JSON>}}: stored as given, attributed to the caller. */
  public WebResponse annotate(WebRequest request) {
    var body =
        JsonBody.object(
            request, Set.of("result"), Set.of("id", "project", "completed_by", "created_at"));
    var result = body.get("result");
    if (result == null) {
      throw new ApiError(400, "result is required.");
    }
    long projectId = request.pathId("id");
    long id = projects.annotate(projectId, request.requireUser().id(), Json.write(result));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("project", projectId);
    json.put("completed_by", request.requireUser().id());
    json.put("result", result);
    return WebResponse.json(201, Json.write(json));
  }

  private static Map<String, Object> json(ProjectSummary p) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", p.id());
    json.put("title", p.title());
    json.put("description", p.description());
    json.put("created_by", p.createdBy().orElse(null));
    json.put("created_at", Timestamps.iso(p.createdAt()));
    return json;
  }
}
