package com.coworkly.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Request bodies are one JSON document with the documented types; the lenient mapper is left as it was. */
class StrictRequestBodiesTest {

    record Grant(String memberId) {}

    record Desk(Integer capacity) {}

    record Block(OffsetDateTime start, boolean displace, String reason, DayOfWeek day) {}

    private final ObjectMapper lenient = new ObjectMapper().registerModule(new JavaTimeModule());
    private final ObjectMapper strict = StrictRequestBodies.strict(lenient);

    @Test
    void aValidBodyIsReadAsBefore() throws JsonProcessingException {
        Block block = strict.readValue(
                "{\"start\": \"2027-03-28T10:00:00+02:00\", \"displace\": true, "
                        + "\"reason\": \"chairs\", \"day\": \"MONDAY\"}",
                Block.class);

        assertThat(block.start().toInstant())
                .isEqualTo(OffsetDateTime.parse("2027-03-28T10:00:00+02:00").toInstant());
        assertThat(block)
                .extracting(Block::displace, Block::reason, Block::day)
                .containsExactly(true, "chairs", DayOfWeek.MONDAY);
    }

    @Test
    void aNameGivenTwiceOrAnythingAfterTheDocumentIsMalformed() {
        assertThatThrownBy(() -> strict.readValue("{\"memberId\": \"a\", \"memberId\": \"b\"}", Grant.class))
                .isInstanceOf(JsonProcessingException.class)
                .hasMessageContaining("Duplicate field");
        assertThatThrownBy(() -> strict.readValue("{\"memberId\": \"a\"} garbage", Grant.class))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void valuesOfTheWrongJsonTypeAreNotCoerced() {
        assertThatThrownBy(() -> strict.readValue("{\"reason\": true}", Block.class))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> strict.readValue("{\"reason\": 12}", Block.class))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> strict.readValue("{\"capacity\": \"4\"}", Desk.class))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> strict.readValue("{\"displace\": 1}", Block.class))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> strict.readValue("{\"day\": 1}", Block.class))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> strict.readValue("{\"start\": 1800000000}", Block.class))
                .isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> strict.readValue("{\"start\": 1800000000.5}", Block.class))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void theMapperItWasMadeFromStaysLenient() throws JsonProcessingException {
        assertThat(lenient.readValue("{\"reason\": 12}", Block.class).reason()).isEqualTo("12");
    }
}
