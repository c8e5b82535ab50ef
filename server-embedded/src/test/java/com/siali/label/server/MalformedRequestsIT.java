package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.siali.label.model.UserQuery;
import com.siali.label.model.UserSort;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * Malformed requests sent byte for byte over a real socket to the real server (issue #18): each is
 * the client's fault, so it gets a 4xx (the API's {@code {"detail": …}} or the error page), never a
 * 500, changes nothing, and logs at most one WARN line without a stack trace.
 */
class MalformedRequestsIT {
  private static final String PAGE = "/user/signup/";
  private static final String API = "/api/projects";

  @TempDir static Path tmp;
  static TestServer app;
  static long accountsBefore;
  private ListAppender<ILoggingEvent> log;

  @BeforeAll
  static void start() {
    app = new TestServer(tmp.resolve("data"), Optional.of(false));
    app.account("lead@example.com");
    accountsBefore = accounts();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @BeforeEach
  void listen() {
    log = new ListAppender<>();
    log.start();
    root().addAppender(log);
  }

  @AfterEach
  void unlisten() {
    root().detachAppender(log);
  }

  static Stream<Arguments> bodies() {
    String fields =
        String.join(
            "&", Stream.iterate(0, i -> i + 1).limit(5000).map(i -> "f" + i + "=1").toList());
    return Stream.of(
        Arguments.of(
            "multipart without its final boundary",
            multipart("boundary=XYZ", "--XYZ\r\n" + field("email", "new@example.com"))),
        Arguments.of(
            "multipart with an empty boundary",
            multipart("boundary=", "--\r\n" + field("email", "new@example.com") + "----\r\n")),
        Arguments.of(
            "multipart without a boundary",
            multipart("", "--XYZ\r\n" + field("email", "new@example.com") + "--XYZ--\r\n")),
        Arguments.of(
            "multipart with a wrong boundary",
            multipart(
                "boundary=XYZ", "--ABC\r\n" + field("email", "new@example.com") + "--ABC--\r\n")),
        Arguments.of(
            "multipart with LF-only separators",
            multipart(
                "boundary=XYZ",
                "--XYZ\nContent-Disposition: form-data; name=\"email\"\n\nnew@example.com\n--XYZ--\n")),
        Arguments.of(
            "multipart part without Content-Disposition",
            multipart("boundary=XYZ", "--XYZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XYZ--\r\n")),
        Arguments.of("form with %ZZ", form("", "email=%ZZ&password=x")),
        Arguments.of("form with a cut-off escape", form("", "email=new%40example.com%")),
        Arguments.of("form with charset=nope", form("; charset=nope", "email=new%C3%A9")),
        Arguments.of("form with charset=%s%n", form("; charset=%s%n", "email=new")),
        Arguments.of("form with 5000 fields", form("", fields)),
        Arguments.of(
            "9 KB chunked trailer",
            chunked("7\r\nemail=x\r\n0\r\nX-Pad: " + "x".repeat(9000) + "\r\n\r\n")));
  }

  @ParameterizedTest(name = "{0} (page)")
  @MethodSource("bodies")
  void malformedBodiesGetTheErrorPage(String what, Request request) throws Exception {
    Reply reply = send(request.to(PAGE));
    assertThat(reply.status()).as(what).isBetween(400, 499);
    assertThat(reply.text()).as(what).contains("text/html");
    assertQuiet(what);
  }

  @ParameterizedTest(name = "{0} (API)")
  @MethodSource("bodies")
  void malformedBodiesGetTheApisDetail(String what, Request request) throws Exception {
    Reply reply = send(request.to(API));
    assertThat(reply.status()).as(what).isBetween(400, 499);
    assertThat(reply.text()).as(what).contains("{\"detail\":");
    assertQuiet(what);
  }

  static Stream<Arguments> brokenChunks() {
    return Stream.of(
        Arguments.of(
            "chunk size ffffffffffffffff", chunked("ffffffffffffffff\r\nemail=x\r\n0\r\n\r\n")),
        Arguments.of("chunk size that is not hex", chunked("zz\r\nemail=x\r\n0\r\n\r\n")));
  }

  /**
   * Once a chunk header cannot be read, the rest of the stream has no framing, and Undertow closes
   * the connection (its chunked conduit does so on any read error): no reply can reach the client,
   * but no 500 is attempted, and nothing is logged as an error.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenChunks")
  void brokenChunksCloseTheConnectionWithoutA500(String what, Request request) throws Exception {
    Reply reply = send(request.to(PAGE));
    if (reply.status() != -1) {
      assertThat(reply.status()).as(what).isBetween(400, 499);
    }
    assertQuiet(what);
  }

  static Stream<Arguments> headersAndCutOffs() {
    StringBuilder cookies = new StringBuilder("Cookie: ");
    for (int i = 0; i < 201; i++) {
      cookies.append(i == 0 ? "" : "; ").append("c").append(i).append("=v");
    }
    StringBuilder cookieHeaders = new StringBuilder();
    for (int i = 0; i < 201; i++) {
      cookieHeaders.append("Cookie: c").append(i).append("=v\r\n");
    }
    return Stream.of(
        Arguments.of("201 Cookie headers", raw("GET " + PAGE, cookieHeaders.toString(), "", false)),
        Arguments.of(
            "query with %ZZ on a worker page", raw("GET " + PAGE + "?token=%ZZ", "", "", false)),
        Arguments.of(
            "query with %ZZ on an I/O-thread page",
            raw("GET /user/login/?next=%ZZ", "", "", false)),
        Arguments.of(
            "multipart with charset=%s",
            raw(
                "POST " + PAGE,
                "Content-Type: multipart/form-data; charset=%s; boundary=XYZ\r\nContent-Length: 0\r\n",
                "",
                false)),
        Arguments.of(
            "201 cookies on a worker page", raw("GET " + PAGE, cookies + "\r\n", "", false)),
        Arguments.of(
            "201 cookies on an I/O-thread page",
            raw("GET /user/login/", cookies + "\r\n", "", false)),
        Arguments.of(
            "cookie value with byte 0xFF",
            raw("GET " + PAGE, "Cookie: sl_session=\u00ff\u00fe\r\n", "", false)),
        Arguments.of(
            "cookie value with byte 0xFF on an I/O-thread page",
            raw("GET /user/login/", "Cookie: sl_csrf=\u00ff\u00fe\r\n", "", false)),
        Arguments.of(
            "cookie value with byte 0xFF on an API call",
            raw(
                "POST " + API,
                "Cookie: sl_session=\u00ff\u00fe\r\nContent-Length: 0\r\n",
                "",
                false)),
        Arguments.of(
            "form body shorter than its Content-Length, then a half-close",
            raw(
                "POST " + PAGE,
                "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n",
                "email=new%40example.com",
                true)),
        Arguments.of(
            "upload shorter than its Content-Length, then a half-close",
            raw(
                "POST " + PAGE,
                "Content-Type: multipart/form-data; boundary=XYZ\r\nContent-Length: 5000\r\n",
                "--XYZ\r\nContent-Disposition: form-data; name=\"avatar\"; filename=\"a.png\"\r\n\r\n\u0089PNG",
                true)),
        Arguments.of(
            "JSON body shorter than its Content-Length, then a half-close",
            raw(
                "POST " + API,
                "Content-Type: application/json\r\nContent-Length: 100\r\n",
                "{\"title\": \"x",
                true)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("headersAndCutOffs")
  void malformedHeadersAndCutOffBodiesGetA4xx(String what, Request request) throws Exception {
    Reply reply = send(request);
    assertThat(reply.status()).as(what).isBetween(400, 499);
    assertQuiet(what);
  }

  /** No 500 on the way, no stack trace, at most one WARN line, and no account was made. */
  private void assertQuiet(String what) throws InterruptedException {
    Thread.sleep(50); // a line logged by the I/O thread after the reply arrives
    List<ILoggingEvent> events = List.copyOf(log.list);
    assertThat(events)
        .as(what)
        .allMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN) && e.getLevel() != Level.ERROR);
    assertThat(events).as(what).allMatch(e -> e.getThrowableProxy() == null);
    assertThat(events).as(what).hasSizeLessThanOrEqualTo(1);
    assertThat(accounts()).as(what).isEqualTo(accountsBefore);
  }

  private static long accounts() {
    return app.services.people().page(new UserQuery("", UserSort.NAME, false, 0, 1)).total();
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  /** A request whose path is filled in later, so one body can go to a page and to the API. */
  record Request(String method, String headers, String body, boolean halfClose, String path) {
    Request to(String target) {
      return new Request(method, headers, body, halfClose, target);
    }

    byte[] bytes() {
      String head =
          method
              + " "
              + path
              + " HTTP/1.1\r\nHost: 127.0.0.1:"
              + app.server.port()
              + "\r\n"
              + headers
              + "Connection: close\r\n\r\n";
      return (head + body).getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private static Request multipart(String parameter, String body) {
    String type = "multipart/form-data" + (parameter.isEmpty() ? "" : "; " + parameter);
    return sized("Content-Type: " + type + "\r\n", body);
  }

  private static String field(String name, String value) {
    return "Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  }

  private static Request form(String parameters, String body) {
    return sized("Content-Type: application/x-www-form-urlencoded" + parameters + "\r\n", body);
  }

  private static Request sized(String headers, String body) {
    int length = body.getBytes(StandardCharsets.ISO_8859_1).length;
    return new Request("POST", headers + "Content-Length: " + length + "\r\n", body, false, "");
  }

  private static Request chunked(String body) {
    return new Request(
        "POST",
        "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n",
        body,
        false,
        "");
  }

  /** {@code requestLine} is "METHOD path". */
  private static Request raw(String requestLine, String headers, String body, boolean halfClose) {
    String[] parts = requestLine.split(" ", 2);
    return new Request(parts[0], headers, body, halfClose, parts[1]);
  }

  record Reply(int status, String text) {}

  /**
   * Writes the bytes (a server may answer and close before it read them all) and reads the reply.
   */
  private static Reply send(Request request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", app.server.port())) {
      socket.setSoTimeout(5_000);
      try {
        socket.getOutputStream().write(request.bytes());
        socket.getOutputStream().flush();
        if (request.halfClose()) {
          socket.shutdownOutput();
        }
      } catch (IOException refusedEarly) {
        // the reply may already be waiting
      }
      ByteArrayOutputStream reply = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) != -1; ) {
          reply.write(buffer, 0, n);
        }
      } catch (SocketTimeoutException | SocketException stopped) {
        // keep what arrived
      }
      String text = reply.toString(StandardCharsets.ISO_8859_1);
      int status = text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
      return new Reply(status, text);
    }
  }
}
