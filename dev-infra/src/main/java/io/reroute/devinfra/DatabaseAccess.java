package io.reroute.devinfra;

/**
 * Where a database is and the two roles the platform uses on it: the owner that runs migrations
 * and the restricted application role that row-level security applies to.
 */
public record DatabaseAccess(
        String host,
        int port,
        String database,
        String ownerUsername,
        String ownerPassword,
        String appUsername,
        String appPassword) {

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String r2dbcUrl() {
        return "r2dbc:postgresql://" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return "DatabaseAccess[" + jdbcUrl() + ", owner=" + ownerUsername + ", app=" + appUsername + "]";
    }
}
