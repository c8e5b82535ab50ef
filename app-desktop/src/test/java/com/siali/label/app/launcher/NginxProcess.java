package com.siali.label.app.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Debian's nginx run as the test's own process ({@code nginx -p DIR -c CONF -g 'daemon off;'}) with
 * the configuration we ship, {@code docs/nginx/label-studio.conf}, changed only where it must be:
 * its node lines name the test's nodes and it listens on a loopback port of the test's. Its access
 * log names the node that answered each request.
 */
public final class NginxProcess implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/sbin/nginx");
  private static final Pattern NODE_LINE =
      Pattern.compile("(?m)^(\\s*)server\\s+\\d+\\.\\d+\\.\\d+\\.\\d+:\\d+(\\s[^;\\n]*)?;[ \\t]*$");
  private static final Pattern LISTEN = Pattern.compile("(?m)^(\\s*)listen\\s+80;");

  private final Process process;
  private final Path prefix;
  private final int port;

  private NginxProcess(Process process, Path prefix, int port) {
    this.process = process;
    this.prefix = prefix;
    this.port = port;
  }

  /** Starts nginx on {@code port} in front of the nodes on {@code nodePorts} (all on loopback). */
  public static NginxProcess start(Path shipped, int port, List<Integer> nodePorts)
      throws Exception {
    assertThat(BINARY)
        .as("nginx is needed for NginxClusterBrowserIT: apt-get install nginx (.ci/run does)")
        .exists();
    // Outside JUnit's temp directory: nginx's workers (the nobody user, when the test runs as
    // root) write request bodies under the prefix.
    Path prefix = Files.createTempDirectory(Path.of("/tmp"), "siali-nginx-");
    prefix.toFile().setReadable(true, false);
    prefix.toFile().setWritable(true, false);
    prefix.toFile().setExecutable(true, false);
    Files.writeString(
        prefix.resolve("label-studio.conf"), forTest(Files.readString(shipped), port, nodePorts));
    Files.writeString(prefix.resolve("nginx.conf"), main(prefix));
    Process process =
        new ProcessBuilder(
                BINARY.toString(),
                "-e",
                prefix.resolve("error.log").toString(),
                "-p",
                prefix.toString(),
                "-c",
                prefix.resolve("nginx.conf").toString(),
                "-g",
                "daemon off;")
            .redirectErrorStream(true)
            .redirectOutput(prefix.resolve("stdout.log").toFile())
            .start();
    NginxProcess nginx = new NginxProcess(process, prefix, port);
    nginx.awaitListening();
    return nginx;
  }

  /** The shipped file with the test's nodes and port. */
  static String forTest(String shipped, int port, List<Integer> nodePorts) {
    Matcher node = NODE_LINE.matcher(shipped);
    assertThat(node.find()).as("the shipped file has node lines (server A.B.C.D:PORT …;)").isTrue();
    String indent = node.group(1);
    String parameters = node.group(2) == null ? "" : node.group(2);
    String nodes =
        nodePorts.stream()
            .map(p -> indent + "server 127.0.0.1:" + p + parameters + ";")
            .collect(Collectors.joining("\n"));
    StringBuilder out = new StringBuilder();
    int at = 0;
    boolean first = true;
    node.reset();
    while (node.find()) {
      out.append(shipped, at, node.start()).append(first ? nodes : "");
      at = node.end();
      first = false;
    }
    out.append(shipped.substring(at));
    Matcher listen = LISTEN.matcher(out);
    assertThat(listen.find()).as("the shipped file listens on port 80").isTrue();
    return listen.replaceFirst("$1listen 127.0.0.1:" + port + ";");
  }

  private static String main(Path prefix) {
    return String.join(
        "\n",
        "worker_processes 1;",
        "pid " + prefix.resolve("nginx.pid") + ";",
        "error_log " + prefix.resolve("error.log") + " warn;",
        "events { worker_connections 512; }",
        "http {",
        "  log_format nodes '$upstream_addr $status $request';",
        "  access_log " + prefix.resolve("access.log") + " nodes;",
        "  client_body_temp_path " + prefix.resolve("body") + ";",
        "  proxy_temp_path " + prefix.resolve("proxy") + ";",
        "  fastcgi_temp_path " + prefix.resolve("fastcgi") + ";",
        "  uwsgi_temp_path " + prefix.resolve("uwsgi") + ";",
        "  scgi_temp_path " + prefix.resolve("scgi") + ";",
        "  include " + prefix.resolve("label-studio.conf") + ";",
        "}",
        "");
  }

  private void awaitListening() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("nginx stopped: " + log("stdout.log") + log("error.log"));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("nginx does not listen on " + port + ": " + log("error.log"));
  }

  public String base() {
    return "http://127.0.0.1:" + port;
  }

  /** The access log: one line per request, {@code NODE-ADDRESS STATUS REQUEST-LINE}. */
  List<String> accessLog() throws IOException {
    Path log = prefix.resolve("access.log");
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  String log(String name) {
    try {
      return Files.readString(prefix.resolve(name));
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() throws Exception {
    process.destroy(); // SIGTERM: nginx's fast shutdown
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    try (var files = Files.walk(prefix)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
