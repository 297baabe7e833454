package com.coworkly.systemtests.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Map;

/**
 * Gives test classes one running system shared by the whole test run: starting two services costs tens of
 * seconds, and tests that need a system of their own (restarts, crashes) start one themselves. Tests on the
 * shared system create their own spaces and members, so they do not depend on each other's data.
 */
public final class SharedSystem implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningSystem.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(
                        "running-system",
                        key -> new Closing(RunningSystem.start(Map.of(
                                // Company bills close every 10 seconds rather than monthly, so that CompanyBillingIT
                                // sees a
                                // month's invoice issued; only company members' bookings are billed that way.
                                "BOOKING_COMPANY_BILLING_CYCLE", "PT10S"))),
                        Closing.class)
                .system();
    }

    private record Closing(RunningSystem system) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            system.close();
        }
    }
}
