package com.coworkly.queryside.dashboards;

import java.util.List;

/**
 * What the rest of the dashboards know of their read model: the processing group that keeps it (a query waits for
 * it with {@code ?after=}), and how its member counts name the whole space. Its tables are the projection's own.
 */
public final class DashboardReadModel {

    public static final String GROUP = "dashboards";

    /** The resource id under which a member's bookings in the whole space are counted. */
    public static final String SPACE_SCOPE = "";

    /** Every table the projection keeps, and nothing else writes. */
    static final List<String> TABLES = List.of(
            "dashboard_space",
            "dashboard_manager",
            "dashboard_resource",
            "dashboard_opening_hours",
            "dashboard_block",
            "dashboard_booking",
            "dashboard_day",
            "dashboard_period",
            "dashboard_hour",
            "dashboard_member_bucket",
            "dashboard_unique_members",
            "dashboard_space_member",
            "dashboard_membership",
            "dashboard_plan_revision",
            "dashboard_membership_fee",
            "dashboard_credit_spending",
            "dashboard_credit_return");

    private DashboardReadModel() {}
}
