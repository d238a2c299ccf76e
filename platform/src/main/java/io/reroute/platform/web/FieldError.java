package io.reroute.platform.web;

/** One rejected input value: the JSON path of the field and what is wrong with it. */
public record FieldError(String field, String message) {}
