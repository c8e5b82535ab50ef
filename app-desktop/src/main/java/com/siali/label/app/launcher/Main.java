package com.siali.label.app.launcher;

import com.siali.label.app.cli.LabelStudioCommand;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import org.slf4j.LoggerFactory;

/** The {@code label-studio} entry point. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, Charset.defaultCharset());
    PrintWriter err = new PrintWriter(System.err, true, Charset.defaultCharset());
    int exit;
    try {
      exit =
          LabelStudioCommand.create(new DesktopLaunchpad(), System.getenv(), out, err)
              .execute(args);
    } catch (Throwable broken) {
      // picocli handles exceptions; this catches errors (a broken installation, out of memory): one
      // line, no trace.
      LoggerFactory.getLogger(Main.class).error("fatal error", broken);
      err.println(
          "label-studio: internal error: "
              + broken
              + " (details in the log file in the data directory)");
      exit = 1;
    }
    out.flush();
    err.flush();
    System.exit(exit);
  }
}
