package com.siali.label.app.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;

/**
 * Prompts for what a command was not given. On a real terminal the password is read without echo;
 * when input is piped (scripts, tests) lines are read from standard input.
 */
public class Terminal {
  private final PrintWriter out;
  private BufferedReader piped;

  public Terminal(PrintWriter out) {
    this.out = out;
  }

  public String readLine(String prompt) {
    Console console = System.console();
    if (console != null && console.isTerminal()) {
      String line = console.readLine("%s", prompt);
      return line == null ? "" : line;
    }
    return readPiped(prompt);
  }

  public String readPassword(String prompt) {
    Console console = System.console();
    if (console != null && console.isTerminal()) {
      char[] chars = console.readPassword("%s", prompt);
      return chars == null ? "" : new String(chars);
    }
    return readPiped(prompt);
  }

  private String readPiped(String prompt) {
    out.print(prompt);
    out.flush();
    try {
      if (piped == null) {
        piped = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
      }
      String line = piped.readLine();
      out.println();
      return line == null ? "" : line;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
