package com.siali.label.server.handler;

import com.siali.label.server.http.Json;
import com.siali.label.server.http.WebRequest;
import com.siali.label.server.http.WebResponse;
import com.siali.label.service.DatabaseStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /health}, for load balancers and service managers: {@code {"status": "UP"}}, or 503
 * {@code {"status": "DOWN", "detail": …}} while this node cannot reach its database (a node of
 * several then leaves the rotation until it can). Read from the last background check, so it stays
 * cheap on the I/O thread; {@code WorkerSaturation} answers BUSY before it is asked.
 */
public final class HealthCheck {
  private final DatabaseStatus database;

  public HealthCheck(DatabaseStatus database) {
    this.database = database;
  }

  public WebResponse health(WebRequest request) {
    return database
        .unreachable()
        .map(
            problem -> {
              Map<String, String> body = new LinkedHashMap<>();
              body.put("status", "DOWN");
              body.put("detail", "The database cannot be reached: " + problem);
              return WebResponse.json(503, Json.write(body)).header("Retry-After", "5");
            })
        .orElseGet(() -> WebResponse.json(200, "{\"status\": \"UP\"}"));
  }
}
