package com.coworkly.devpostgres.lookup;

/** A PostgreSQL server the tests found: its JDBC URL without a database name, and how to sign in. */
public record PostgresServer(String baseUrl, String user, String password, FoundBy foundBy) {

    /** The steps of {@link PostgresLookup}, in its order. */
    public enum FoundBy {
        NAMED,
        LOCALHOST,
        TESTCONTAINERS,
        THROWAWAY
    }

    public String urlOf(String database) {
        return baseUrl + "/" + database;
    }
}
