package com.coworkly.queryside.standby;

import com.coworkly.queryside.support.ReadModelDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * Which pool answers which request, with two real databases standing in for the primary and the standby: each
 * endpoint below answers the name of the database its statements reached.
 */
class StandbyReadsRoutingTest {

    private static ReadModelDatabase primary;
    private static ReadModelDatabase standby;
    private static ReadPoolRouting routing;
    private MockMvc mvc;

    @RestController
    static class Probe {

        private final JdbcTemplate jdbc = new JdbcTemplate(routing);

        @GetMapping("/query")
        String query() {
            return database();
        }

        @GetMapping("/operations")
        @ReadsFromPrimary
        String operations() {
            return database();
        }

        @PostMapping("/write")
        String write() {
            return database();
        }

        /** Two statements of one query, and whether the same server session answered both. */
        @GetMapping("/sessions")
        String sessions() {
            Integer first = jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class);
            Integer second = jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class);
            return first.equals(second) ? "one session" : "two sessions";
        }

        private String database() {
            return jdbc.queryForObject("SELECT current_database()", String.class);
        }
    }

    @BeforeAll
    static void twoServers() {
        primary = ReadModelDatabase.fresh();
        standby = ReadModelDatabase.fresh();
        routing = new ReadPoolRouting(
                primary.jdbc().getDataSource(), standby.jdbc().getDataSource());
        routing.afterPropertiesSet();
    }

    @AfterAll
    static void drop() {
        primary.close();
        standby.close();
    }

    @BeforeEach
    void theProbeBehindTheInterceptor() {
        mvc = MockMvcBuilders.standaloneSetup(new Probe())
                .addInterceptors(new StandbyReadsInterceptor(routing))
                .build();
    }

    @Test
    void aQueryIsAnsweredByTheReadPool() throws Exception {
        mvc.perform(get("/query")).andExpect(content().string(nameOf(standby)));
    }

    @Test
    void aQueryAsksAllItsStatementsThroughOneConnection() throws Exception {
        mvc.perform(get("/sessions")).andExpect(content().string("one session"));
    }

    @Test
    void aWriteIsAnsweredByThePrimary() throws Exception {
        mvc.perform(post("/write")).andExpect(content().string(nameOf(primary)));
    }

    @Test
    void aQueryMarkedReadsFromPrimaryIsAnsweredByThePrimary() throws Exception {
        mvc.perform(get("/operations")).andExpect(content().string(nameOf(primary)));
    }

    @Test
    void theRequestThreadGoesBackToThePrimaryOnceTheQueryIsAnswered() throws Exception {
        mvc.perform(get("/query")).andExpect(content().string(nameOf(standby)));

        assertThat(new JdbcTemplate(routing).queryForObject("SELECT current_database()", String.class))
                .isEqualTo(nameOf(primary));
    }

    private static String nameOf(ReadModelDatabase database) {
        return database.jdbc().queryForObject("SELECT current_database()", String.class);
    }
}
