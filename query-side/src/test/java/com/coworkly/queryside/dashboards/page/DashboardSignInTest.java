package com.coworkly.queryside.dashboards.page;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardSignInTest {

    @Test
    void afterSigningInTheManagerReturnsToThePageTheyAskedFor() {
        assertThat(DashboardSignIn.returnTo(
                        "/dashboard?spaceId=17c9-ab&from=2026-12-01&to=2027-01-01&granularity=WEEK"))
                .isEqualTo("/dashboard?spaceId=17c9-ab&from=2026-12-01&to=2027-01-01&granularity=WEEK");
    }

    @Test
    void cannotBeSentAnywhereButTheDashboardAfterSigningIn() {
        assertThat(DashboardSignIn.returnTo("https://evil.example/dashboard")).isEqualTo("/dashboard");
        assertThat(DashboardSignIn.returnTo("//evil.example")).isEqualTo("/dashboard");
        assertThat(DashboardSignIn.returnTo("/dashboard/../api/spaces")).isEqualTo("/dashboard");
        assertThat(DashboardSignIn.returnTo("/dashboard?x=1\r\nSet-Cookie:a=b")).isEqualTo("/dashboard");
        assertThat(DashboardSignIn.returnTo(null)).isEqualTo("/dashboard");
    }
}
