package com.siali.label.server.handler;

import com.siali.label.server.http.WebRequest;
import com.siali.label.server.http.WebResponse;
import com.siali.label.service.avatar.AvatarService;

/**
 * {@code GET /data/avatars/<name>}: a stored picture with a fixed image type, and a policy that
 * forbids running anything even if a browser were tricked into rendering it as a document
 * (SECURITY.md "Files").
 */
public final class AvatarFiles {
  private final AvatarService avatars;

  public AvatarFiles(AvatarService avatars) {
    this.avatars = avatars;
  }

  public WebResponse serve(WebRequest request) {
    String name = request.pathParams().get("name");
    return WebResponse.bytes(200, AvatarService.contentType(name), avatars.read(name))
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .header("Cache-Control", "private, max-age=86400, immutable")
        .header("Content-Disposition", "inline; filename=\"" + name + "\"");
  }
}
