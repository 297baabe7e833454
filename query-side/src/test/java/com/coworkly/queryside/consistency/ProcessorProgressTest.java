package com.coworkly.queryside.consistency;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessorProgressTest {

    @Test
    void aTokenHasProcessedAPositionItReachedThatIsNotAGap() {
        assertThat(ProcessorProgress.hasProcessed(GapAwareTrackingToken.newInstance(120, List.of()), 120))
                .isTrue();
        assertThat(ProcessorProgress.hasProcessed(GapAwareTrackingToken.newInstance(130, List.of()), 120))
                .isTrue();
        assertThat(ProcessorProgress.hasProcessed(GapAwareTrackingToken.newInstance(119, List.of()), 120))
                .isFalse();
    }

    @Test
    void aPositionStillAGapIsNotProcessed() {
        assertThat(ProcessorProgress.hasProcessed(GapAwareTrackingToken.newInstance(130, List.of(120L)), 120))
                .isFalse();
    }

    /** A gap below: another transaction's position, rolled back or not yet committed; not the caller's write. */
    @Test
    void aGapBelowThePositionDoesNotHoldItBack() {
        assertThat(ProcessorProgress.hasProcessed(GapAwareTrackingToken.newInstance(130, List.of(115L, 125L)), 120))
                .isTrue();
    }

    @Test
    void aReplayingSegmentIsJudgedByWhereItIsNow() {
        GapAwareTrackingToken head = GapAwareTrackingToken.newInstance(500, List.of());
        assertThat(ProcessorProgress.hasProcessed(
                        ReplayToken.createReplayToken(head, GapAwareTrackingToken.newInstance(100, List.of())), 120))
                .isFalse();
        assertThat(ProcessorProgress.hasProcessed(
                        ReplayToken.createReplayToken(head, GapAwareTrackingToken.newInstance(130, List.of(110L))),
                        120))
                .isTrue();
    }
}
