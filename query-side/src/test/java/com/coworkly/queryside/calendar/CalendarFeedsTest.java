package com.coworkly.queryside.calendar;

import com.coworkly.queryside.support.ReadModelDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Secret feed addresses against PostgreSQL: issued, replaced, revoked, and stored only as hashes. */
class CalendarFeedsTest {

    private static ReadModelDatabase database;
    private CalendarFeeds feeds;

    @BeforeAll
    static void migrate() {
        database = ReadModelDatabase.fresh();
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @BeforeEach
    void noFeeds() {
        database.jdbc().update("TRUNCATE calendar_feed");
        feeds = new CalendarFeeds(database.jdbc(), Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void anIssuedTokenLeadsToItsMember() {
        FeedToken mias = feeds.issue("mia");
        FeedToken maxs = feeds.issue("max");

        assertThat(feeds.memberOf(mias)).contains("mia");
        assertThat(feeds.memberOf(maxs)).contains("max");
    }

    @Test
    void aTokenIs32RandomBytesInUrlSafeBase64() {
        FeedToken token = feeds.issue("mia");

        assertThat(token.value()).matches("[A-Za-z0-9_-]{43}");
        assertThat(feeds.issue("max").value()).isNotEqualTo(token.value());
    }

    @Test
    void issuingAgainReplacesTheEarlierToken() {
        FeedToken first = feeds.issue("mia");

        FeedToken second = feeds.issue("mia");

        assertThat(feeds.memberOf(first)).isEmpty();
        assertThat(feeds.memberOf(second)).contains("mia");
    }

    @Test
    void aRevokedTokenLeadsNowhere() {
        FeedToken token = feeds.issue("mia");

        feeds.revoke("mia");

        assertThat(feeds.memberOf(token)).isEmpty();
    }

    @Test
    void revokingWithoutAFeedChangesNothing() {
        FeedToken maxs = feeds.issue("max");

        feeds.revoke("mia");

        assertThat(feeds.memberOf(maxs)).contains("max");
    }

    @Test
    void anUnknownOrMalformedTokenLeadsNowhere() {
        feeds.issue("mia");

        assertThat(feeds.memberOf(new FeedToken("not-a-token"))).isEmpty();
        assertThat(feeds.memberOf(new FeedToken(""))).isEmpty();
        assertThat(feeds.memberOf(new FeedToken("'; DROP TABLE calendar_feed; --")))
                .isEmpty();
    }

    @Test
    void theTableHoldsOnlyTheTokensHash() {
        FeedToken token = feeds.issue("mia");

        List<Map<String, Object>> rows = database.jdbc().queryForList("SELECT * FROM calendar_feed");
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.values()).extracting(String::valueOf).noneMatch(value -> value.contains(token.value()));
            assertThat(row.get("token_sha256")).isEqualTo(token.sha256());
        });
    }

    @Test
    void aTokenNeverShowsInItsOwnDescription() {
        FeedToken token = feeds.issue("mia");

        assertThat(token.toString()).doesNotContain(token.value());
    }
}
