package com.coworkly.commandside.commands;

import com.coworkly.events.common.MemberId;
import com.coworkly.platform.audit.AuditMetaData;
import com.coworkly.platform.security.Role;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who asked for a command. It travels as command metadata (so it also ends up on the events), and command
 * handlers receive it as a parameter to decide rules that depend on who asks.
 */
public record Actor(String id, Set<Role> roles) {

    static final String ID_KEY = AuditMetaData.ACTOR_ID;
    static final String ROLES_KEY = AuditMetaData.ACTOR_ROLES;

    public static Actor system(String process) {
        return new Actor("system:" + process, Set.of(Role.ADMIN));
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    public boolean isMember(MemberId member) {
        return id.equals(member.value());
    }

    String rolesAsText() {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    static Actor fromText(String id, String roles) {
        Set<Role> parsed = roles == null || roles.isBlank()
                ? Set.of()
                : Arrays.stream(roles.split(",")).map(Role::valueOf).collect(Collectors.toUnmodifiableSet());
        return new Actor(id, parsed);
    }
}
