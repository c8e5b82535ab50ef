package com.siali.label.server.http;

import io.undertow.connector.ByteBufferPool;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.MultipartParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Map;

/**
 * Decodes a {@code multipart/form-data} body that has already arrived whole (read on the I/O
 * thread, see {@link BodyReceiver}): text fields as strings, files as bytes, the first value of
 * each name. Undertow's own form parser reads from the connection; this one parses bytes in memory
 * with Undertow's {@link MultipartParser}, so a worker never waits for a slow client. Anything that
 * is not well-formed multipart is the client's 400.
 */
final class MultipartForm {
  static final String TYPE = "multipart/form-data";

  /** Our forms have a handful of parts; a body of thousands is an attack, not a form. */
  static final int MAX_PARTS = 1000;

  private MultipartForm() {}

  static boolean accepts(String contentType) {
    return contentType != null && contentType.regionMatches(true, 0, TYPE, 0, TYPE.length());
  }

  static void decode(
      byte[] body,
      String contentType,
      ByteBufferPool pool,
      Map<String, String> form,
      Map<String, byte[]> files) {
    String boundary = parameter(contentType, "boundary");
    if (boundary == null || boundary.isEmpty()) {
      throw new MalformedRequestException(400, "The upload has no multipart boundary.");
    }
    var parts = new Parts(form, files);
    var state =
        MultipartParser.beginParse(
            pool, parts, boundary.getBytes(StandardCharsets.ISO_8859_1), "UTF-8");
    try {
      state.parse(ByteBuffer.wrap(body));
    } catch (MalformedRequestException refused) {
      throw refused;
    } catch (IOException | RuntimeException broken) {
      throw new MalformedRequestException(400, "The request body could not be read.", broken);
    }
    if (!state.isComplete()) {
      throw new MalformedRequestException(400, "The upload ended before its final boundary.");
    }
  }

  /**
   * A parameter of a header value, or null; Undertow's helper throws on some malformed values (a
   * {@code boundary=} with nothing after it), which is the client's 400.
   */
  private static String parameter(String header, String name) {
    try {
      return Headers.extractQuotedValueFromHeader(header, name);
    } catch (RuntimeException malformed) {
      throw new MalformedRequestException(400, "A header of the upload is malformed.", malformed);
    }
  }

  /** Collects each part as it is parsed. */
  private static final class Parts implements MultipartParser.PartHandler {
    private final Map<String, String> form;
    private final Map<String, byte[]> files;
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private int count;
    private String name;
    private boolean file;
    private Charset charset;

    Parts(Map<String, String> form, Map<String, byte[]> files) {
      this.form = form;
      this.files = files;
    }

    @Override
    public void beginPart(HeaderMap headers) {
      if (++count > MAX_PARTS) {
        throw new MalformedRequestException(400, "The form has too many fields.");
      }
      String disposition = headers.getFirst(Headers.CONTENT_DISPOSITION);
      if (disposition == null || !disposition.regionMatches(true, 0, "form-data", 0, 9)) {
        throw new MalformedRequestException(400, "A part of the upload has no form-data name.");
      }
      name = parameter(disposition, "name");
      if (name == null) {
        throw new MalformedRequestException(400, "A part of the upload has no form-data name.");
      }
      file = Headers.extractQuotedValueFromHeaderWithEncoding(disposition, "filename") != null;
      charset = charset(headers.getFirst(Headers.CONTENT_TYPE));
      data.reset();
    }

    @Override
    public void data(ByteBuffer buffer) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      data.writeBytes(bytes);
    }

    @Override
    public void endPart() {
      if (file) {
        files.putIfAbsent(name, data.toByteArray());
      } else {
        form.putIfAbsent(name, data.toString(charset));
      }
    }

    private static Charset charset(String partType) {
      String name =
          partType == null ? null : Headers.extractQuotedValueFromHeader(partType, "charset");
      if (name == null) {
        return StandardCharsets.UTF_8;
      }
      try {
        return Charset.forName(name);
      } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
        throw new MalformedRequestException(400, "The form's charset is not known.", unknown);
      }
    }
  }
}
