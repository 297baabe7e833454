package com.coworkly.devpostgres;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerOptionsTest {

    @Test
    void by_default_the_server_listens_on_5432_and_keeps_its_data_in_run() {
        ServerOptions options = ServerOptions.parse();

        assertThat(options.port()).isEqualTo(5432);
        assertThat(options.dataDirectory()).isEqualTo(Path.of("run/postgres-data"));
        assertThat(options.binariesDirectory()).isEqualTo(Path.of("run/postgres-binaries"));
        assertThat(options.stopWithParent()).isFalse();
    }

    @Test
    void every_option_can_be_given() {
        ServerOptions options = ServerOptions.parse(
                "--port", "15432", "--data", "/tmp/d", "--binaries", "/tmp/b", "--stop-with-parent");

        assertThat(options).isEqualTo(new ServerOptions(15432, Path.of("/tmp/d"), Path.of("/tmp/b"), true));
    }

    @Test
    void an_unknown_option_is_refused_with_the_usage() {
        assertThatThrownBy(() -> ServerOptions.parse("--fsync-off"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown option '--fsync-off'")
                .hasMessageContaining("usage:");
    }

    @Test
    void an_option_without_its_value_is_refused() {
        assertThatThrownBy(() -> ServerOptions.parse("--port"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--port needs a value");
    }
}
