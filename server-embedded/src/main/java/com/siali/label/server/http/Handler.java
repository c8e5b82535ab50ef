package com.siali.label.server.http;

/** Parse the request, call a service, render or respond. */
@FunctionalInterface
public interface Handler {
  WebResponse handle(WebRequest request) throws Exception;
}
