package com.siali.label.server.http;

import java.util.List;
import java.util.Map;

/**
 * What a request carries, read from the exchange before anyone asks who sent it: a too-large body
 * is refused (413) before a token is checked, so a flood of oversized uploads costs no database
 * look-up.
 *
 * @param headers lower-case names, first value of each
 * @param form text fields of a urlencoded or multipart body (first value of each)
 * @param files uploaded files of a multipart body, by field name
 * @param body the raw body of any other request with one (JSON), else empty
 */
record RequestContent(
    String method,
    String path,
    Map<String, List<String>> query,
    Map<String, String> headers,
    Map<String, String> form,
    Map<String, byte[]> files,
    byte[] body,
    String clientAddress) {

  /** The request as handlers see it, once the caller is known. */
  WebRequest from(Caller caller) {
    return new WebRequest(
        method,
        path,
        Map.of(),
        query,
        form,
        files,
        headers,
        clientAddress,
        caller.sessionId(),
        caller.session(),
        caller.tokenUser(),
        caller.anonymousCsrf(),
        body);
  }
}
