package io.reroute.platform.web;

/** The resource does not exist in the caller's workspace (whether or not it exists in another). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
