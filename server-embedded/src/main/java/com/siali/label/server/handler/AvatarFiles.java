package com.siali.label.server.handler;

import com.siali.label.server.http.WebRequest;
import com.siali.label.server.http.WebResponse;
import com.siali.label.service.avatar.AvatarService;

/**
 * {@code GET /data/avatars/<name>}: a stored picture with a fixed image type, and a policy that
 * forbids running anything even if a browser were tricked into rendering it as a document
 * (SECURITY.md "Files"). A name is never reused for other bytes (a new picture gets a new name), so
 * the name is the {@code ETag} and a browser's revalidation is a 304 without the bytes (ADR 0018).
 */
public final class AvatarFiles {
  private final AvatarService avatars;

  public AvatarFiles(AvatarService avatars) {
    this.avatars = avatars;
  }

  public WebResponse serve(WebRequest request) {
    String name = request.pathParams().get("name");
    String etag = "\"" + name + "\"";
    boolean cached = request.header("if-none-match").map(etag::equals).orElse(false);
    WebResponse response =
        cached && avatars.exists(name)
            ? WebResponse.bytes(304, null, new byte[0])
            : WebResponse.bytes(200, AvatarService.contentType(name), avatars.read(name));
    return response
        .header("ETag", etag)
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .header("Cache-Control", "private, max-age=86400, immutable")
        .header("Content-Disposition", "inline; filename=\"" + name + "\"");
  }
}
