package com.siali.label.server.handler;

import com.siali.label.server.http.WebRequest;
import com.siali.label.server.http.WebResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Our stylesheet and script, from the jar; read once. */
public final class StaticFiles {
  private final byte[] css = load("/static/app.css");
  private final byte[] js = load("/static/app.js");

  private static byte[] load(String resource) {
    try (InputStream in = StaticFiles.class.getResourceAsStream(resource)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public WebResponse css(WebRequest request) {
    return WebResponse.bytes(200, "text/css; charset=utf-8", css)
        .header("Cache-Control", "public, max-age=3600");
  }

  public WebResponse js(WebRequest request) {
    return WebResponse.bytes(200, "text/javascript; charset=utf-8", js)
        .header("Cache-Control", "public, max-age=3600");
  }
}
