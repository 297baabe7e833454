package com.coworkly.queryside.dashboards.figures;

import com.coworkly.platform.security.CurrentCaller;
import com.coworkly.platform.security.Role;
import com.coworkly.platform.web.BusinessRefusal;
import com.coworkly.queryside.web.RefusalCode;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Who may read a space's dashboard: the managers granted that space and administrators. The network's summary
 * is for administrators. Revenue is business data, so operators, who audit events, do not read dashboards.
 */
@Component
public class DashboardReaders {

    static final class NotManagerOfSpace extends BusinessRefusal {
        NotManagerOfSpace(String spaceId) {
            super(
                    RefusalCode.NOT_MANAGER_OF_SPACE,
                    Kind.FORBIDDEN,
                    "Only the managers of space " + spaceId + " and administrators can read its dashboard.");
        }
    }

    static final class NotAnAdministrator extends BusinessRefusal {
        NotAnAdministrator() {
            super(
                    RefusalCode.NOT_AN_ADMINISTRATOR,
                    Kind.FORBIDDEN,
                    "Only administrators read the network's dashboard.");
        }
    }

    private final DashboardQueries queries;

    DashboardReaders(DashboardQueries queries) {
        this.queries = queries;
    }

    public void requireMayRead(CurrentCaller caller, String spaceId) {
        if (!caller.has(Role.ADMIN) && !queries.isManagerOf(spaceId, caller.memberId())) {
            throw new NotManagerOfSpace(spaceId);
        }
    }

    public void requireAdministrator(CurrentCaller caller) {
        if (!caller.has(Role.ADMIN)) {
            throw new NotAnAdministrator();
        }
    }

    /** The spaces whose dashboards the caller may read, by name. */
    public List<Space> readableSpaces(CurrentCaller caller) {
        List<Space> spaces = queries.spaces();
        if (caller.has(Role.ADMIN)) {
            return spaces;
        }
        List<String> managed = queries.spacesManagedBy(caller.memberId());
        return spaces.stream()
                .filter(space -> managed.contains(space.spaceId()))
                .toList();
    }
}
