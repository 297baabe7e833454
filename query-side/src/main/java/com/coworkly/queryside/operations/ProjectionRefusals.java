package com.coworkly.queryside.operations;

import com.coworkly.platform.web.BusinessRefusal;
import com.coworkly.queryside.web.RefusalCode;

/** Why an operator's replay is refused. */
final class ProjectionRefusals {

    private ProjectionRefusals() {}

    static final class UnknownProjection extends BusinessRefusal {
        UnknownProjection(String name) {
            super(RefusalCode.PROJECTION_NOT_FOUND, Kind.NOT_FOUND, "There is no processing group named " + name + ".");
        }
    }

    static final class NotReplayable extends BusinessRefusal {
        NotReplayable(String name) {
            super(
                    RefusalCode.PROJECTION_NOT_REPLAYABLE,
                    Kind.CONFLICT,
                    "The " + name + " processing group sends emails: it is "
                            + "never replayed, so that no member gets an email twice (see docs/operations.md).");
        }
    }

    static final class ReplayAlreadyRunning extends BusinessRefusal {
        ReplayAlreadyRunning(String name) {
            super(
                    RefusalCode.REPLAY_ALREADY_RUNNING,
                    Kind.CONFLICT,
                    "The " + name + " read model is being rebuilt already; "
                            + "follow its progress in GET /api/operations/projections.");
        }
    }
}
