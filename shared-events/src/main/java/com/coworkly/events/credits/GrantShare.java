package com.coworkly.events.credits;

/** How many minutes of one grant a spending (or a return) took (or gave back). */
public record GrantShare(String grantId, long minutes) {

    public GrantShare {
        if (minutes <= 0) {
            throw new IllegalArgumentException("a share of a grant is at least a minute: " + minutes);
        }
    }
}
