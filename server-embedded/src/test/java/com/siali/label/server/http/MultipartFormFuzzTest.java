package com.siali.label.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.undertow.server.DefaultByteBufferPool;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Uploads are untrusted bytes: any body with any boundary is decoded or refused as the client's
 * mistake, and what is decoded is made of the body's bytes (never more than it). Seeds in {@code
 * MultipartFormFuzzTestInputs/}; {@code tools/fuzz} fuzzes longer.
 */
class MultipartFormFuzzTest {
  /** What the server lets an upload be; Jazzer's inputs stay far below it. */
  private static final long MAX_BODY = BodyLimits.MAX_UPLOAD;

  /** As the server's pool, on the heap. */
  private static final DefaultByteBufferPool POOL =
      new DefaultByteBufferPool(false, 16 * 1024 - 20, -1, 4);

  /**
   * The input's first line is what follows {@code multipart/form-data} in the Content-Type (the
   * boundary parameter, say {@code ; boundary=x}), the rest the body.
   */
  @FuzzTest(maxDuration = "5m")
  void anyBodyWithAnyBoundaryIsDecodedOrRefusedAsTheClientsMistake(byte[] input) {
    if (input.length > MAX_BODY) {
      return;
    }
    int lineBreak = indexOf(input, (byte) '\n');
    String type =
        MultipartForm.TYPE
            + (lineBreak < 0 ? "" : new String(input, 0, lineBreak, StandardCharsets.ISO_8859_1));
    byte[] body = lineBreak < 0 ? input : Arrays.copyOfRange(input, lineBreak + 1, input.length);
    Map<String, String> form = new LinkedHashMap<>();
    Map<String, byte[]> files = new LinkedHashMap<>();

    HttpClientFault.decodedOrRefused(
            () -> {
              MultipartForm.decode(body, type, POOL, form, files);
              return true;
            })
        .ifPresent(
            decoded -> {
              assertThat(form.size() + files.size()).isLessThanOrEqualTo(MultipartForm.MAX_PARTS);
              long held =
                  form.values().stream().mapToLong(String::length).sum()
                      + files.values().stream().mapToLong(file -> file.length).sum();
              assertThat(held).isLessThanOrEqualTo(body.length);
            });
  }

  private static int indexOf(byte[] bytes, byte wanted) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    return -1;
  }
}
