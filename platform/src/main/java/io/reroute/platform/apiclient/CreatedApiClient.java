package io.reroute.platform.apiclient;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A new client with its secret, returned once at creation and never again. */
public record CreatedApiClient(@JsonUnwrapped ApiClient client, String clientSecret) {

    @Override
    public String toString() {
        return "CreatedApiClient[client=" + client + ", clientSecret=<hidden>]";
    }
}
