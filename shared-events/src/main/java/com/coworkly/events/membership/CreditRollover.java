package com.coworkly.events.membership;

/**
 * Whether a period's unused credits carry over into the next, and how many at most: a member on a plan of 600
 * minutes that rolls over up to 300 starts a period with at most 900.
 */
public record CreditRollover(boolean rollsOver, long capMinutes) {

    /** Unused credits expire at the end of their period. */
    public static final CreditRollover NONE = new CreditRollover(false, 0);

    public CreditRollover {
        if (capMinutes < 0) {
            throw new IllegalArgumentException("a rollover cap cannot be negative: " + capMinutes);
        }
        if (!rollsOver && capMinutes != 0) {
            throw new IllegalArgumentException("credits that do not roll over have no cap");
        }
    }

    public static CreditRollover upTo(long capMinutes) {
        return new CreditRollover(true, capMinutes);
    }
}
