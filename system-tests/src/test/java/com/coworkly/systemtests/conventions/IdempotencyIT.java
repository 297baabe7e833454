package com.coworkly.systemtests.conventions;

import com.coworkly.systemtests.support.Api;
import com.coworkly.systemtests.support.Catalogue;
import com.coworkly.systemtests.support.EventStore;
import com.coworkly.systemtests.support.Reply;
import com.coworkly.systemtests.support.RunningSystem;
import com.coworkly.systemtests.support.SharedSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static com.coworkly.systemtests.support.Catalogue.aDesk;
import static com.coworkly.systemtests.support.Catalogue.aSpace;
import static org.assertj.core.api.Assertions.assertThat;

/** A POST with an Idempotency-Key runs once, however often and however concurrently it is sent. */
@ExtendWith(SharedSystem.class)
class IdempotencyIT {

    private Api api;
    private EventStore events;
    private Api.Session admin;

    @BeforeEach
    void connect(RunningSystem system) {
        api = system.api();
        events = system.eventStore();
        admin = api.signIn(Api.ADMIN);
    }

    @Test
    void aRetriedRequestGetsTheFirstAnswerAndStoresNothingNew() {
        String key = UUID.randomUUID().toString();
        String name = "Retried " + UUID.randomUUID();
        Reply first = api.commandSide()
                .as(admin)
                .header("Idempotency-Key", key)
                .post("/api/spaces", aSpace(name))
                .expectStatus(201);
        long after = events.count();

        Reply retry = api.commandSide()
                .as(admin)
                .header("Idempotency-Key", key)
                .post("/api/spaces", aSpace(name))
                .expectStatus(201);

        assertThat(retry.raw()).isEqualTo(first.raw());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("X-Event-Position")).isEqualTo(first.header("X-Event-Position"));
        assertThat(events.count()).isEqualTo(after);
    }

    @Test
    void identicalRequestsSentTogetherStoreOneSetOfEvents() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "Concurrent " + UUID.randomUUID();
        int copies = 6;
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        List<Reply> replies;
        try {
            List<Callable<Reply>> sends = IntStream.range(0, copies)
                    .<Callable<Reply>>mapToObj(i -> () -> api.commandSide()
                            .as(admin)
                            .header("Idempotency-Key", key)
                            .post("/api/spaces", aSpace(name)))
                    .toList();
            replies = pool.invokeAll(sends).stream().map(IdempotencyIT::get).toList();
        } finally {
            pool.shutdownNow();
        }

        assertThat(replies).allSatisfy(reply -> reply.expectStatus(201));
        assertThat(replies).extracting(Reply::raw).containsOnly(replies.get(0).raw());
        assertThat(events.longValue(
                        "SELECT count(*) FROM event_store.domain_event_entry WHERE payload_type LIKE "
                                + "'%SpaceRegistered' AND convert_from(payload, 'UTF8') LIKE ?",
                        "%" + name + "%"))
                .isEqualTo(1);
    }

    /**
     * What an instance killed mid-request leaves behind: a claim with no answer, whose lease nobody renews. Once
     * the lease has run out a retry runs, instead of being told for minutes that the original is still running.
     */
    @Test
    void aRetryTakesOverAClaimWhoseInstanceDiedOnceItsLeaseRanOut() {
        String name = "Abandoned " + UUID.randomUUID();
        String firstKey = UUID.randomUUID().toString();
        api.commandSide()
                .as(admin)
                .header("Idempotency-Key", firstKey)
                .post("/api/spaces", aSpace(name))
                .expectStatus(201);
        String abandonedKey = UUID.randomUUID().toString();
        events.execute("INSERT INTO command_side.idempotent_request (caller, idempotency_key, fingerprint, claimed_at, "
                + "lease_until) SELECT caller, '" + abandonedKey + "', fingerprint, now() - interval '20 seconds', "
                + "now() - interval '5 seconds' FROM command_side.idempotent_request WHERE idempotency_key = '"
                + firstKey
                + "'");

        Reply retry = api.commandSide()
                .as(admin)
                .header("Idempotency-Key", abandonedKey)
                .post("/api/spaces", aSpace(name))
                .expectStatus(201);

        assertThat(events.longValue(
                        "SELECT count(*) FROM event_store.domain_event_entry WHERE payload_type LIKE "
                                + "'%SpaceRegistered' AND convert_from(payload, 'UTF8') LIKE ?",
                        "%" + name + "%"))
                .isEqualTo(2);
        assertThat(api.commandSide()
                        .as(admin)
                        .header("Idempotency-Key", abandonedKey)
                        .post("/api/spaces", aSpace(name))
                        .expectStatus(201)
                        .raw())
                .isEqualTo(retry.raw());
    }

    @Test
    void aRefusalIsRememberedLikeAnyOtherAnswer() {
        String key = UUID.randomUUID().toString();
        String path = "/api/spaces/" + UUID.randomUUID() + "/resources";
        api.commandSide()
                .as(admin)
                .header("Idempotency-Key", key)
                .post(path, aDesk("Nowhere"))
                .expectProblem(404, "SPACE_NOT_FOUND");

        Reply retry = api.commandSide()
                .as(admin)
                .header("Idempotency-Key", key)
                .post(path, aDesk("Nowhere"))
                .expectProblem(404, "SPACE_NOT_FOUND");

        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void aKeyReusedForAnotherRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        api.commandSide()
                .as(admin)
                .header("Idempotency-Key", key)
                .post("/api/spaces", aSpace("One " + key))
                .expectStatus(201);
        long after = events.count();

        api.commandSide()
                .as(admin)
                .header("Idempotency-Key", key)
                .post("/api/spaces", aSpace("Other " + key))
                .expectProblem(422, "IDEMPOTENCY_KEY_REUSED");

        assertThat(events.count()).isEqualTo(after);
    }

    @Test
    void keysBelongToTheirCaller() {
        Catalogue.ManagedSpace first = Catalogue.aManagedSpace(api, "First " + UUID.randomUUID());
        Catalogue.ManagedSpace second = Catalogue.aManagedSpace(api, "Second " + UUID.randomUUID());
        String key = UUID.randomUUID().toString();

        Reply mine = api.commandSide()
                .as(first.manager())
                .header("Idempotency-Key", key)
                .post("/api/spaces/" + first.spaceId() + "/resources", aDesk("Desk"))
                .expectStatus(201);
        Reply theirs = api.commandSide()
                .as(second.manager())
                .header("Idempotency-Key", key)
                .post("/api/spaces/" + second.spaceId() + "/resources", aDesk("Desk"))
                .expectStatus(201);

        assertThat(theirs.body().get("resourceId")).isNotEqualTo(mine.body().get("resourceId"));
    }

    private static Reply get(Future<Reply> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
