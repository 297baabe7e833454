package com.coworkly.commandside.identity;

/** A password as typed; it never shows in logs, and only its hash is ever stored. */
public record Password(String value) {

    @Override
    public String toString() {
        return "Password[hidden]";
    }
}
