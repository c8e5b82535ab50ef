package com.siali.label.server.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a handler answers; the bridge writes it to the exchange. */
public final class WebResponse {
  private final int status;
  private final byte[] body;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final List<String> cookies = new ArrayList<>();

  private WebResponse(int status, String contentType, byte[] body) {
    this.status = status;
    this.body = body;
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
  }

  public static WebResponse html(int status, String html) {
    return new WebResponse(
            status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8))
        .header("Cache-Control", "no-store");
  }

  public static WebResponse json(int status, String json) {
    return new WebResponse(status, "application/json", json.getBytes(StandardCharsets.UTF_8))
        .header("Cache-Control", "no-store");
  }

  public static WebResponse bytes(int status, String contentType, byte[] body) {
    return new WebResponse(status, contentType, body);
  }

  /** 302 to a path of this server (callers pass only paths checked by {@link SafeRedirect}). */
  public static WebResponse redirect(String location) {
    return new WebResponse(302, null, new byte[0]).header("Location", location);
  }

  public WebResponse header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public WebResponse cookie(String setCookieValue) {
    cookies.add(setCookieValue);
    return this;
  }

  public int status() {
    return status;
  }

  public byte[] body() {
    return body;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public List<String> cookies() {
    return cookies;
  }
}
