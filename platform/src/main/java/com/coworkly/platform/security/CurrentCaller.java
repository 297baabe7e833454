package com.coworkly.platform.security;

import com.coworkly.platform.web.BusinessRefusal;
import com.coworkly.platform.web.ConventionCode;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Who is calling, as the security layer authenticated them: the member id and the roles of the token. */
public record CurrentCaller(String memberId, Set<Role> roles) {

    public static Optional<CurrentCaller> fromSecurityContext() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication.getPrincipal() instanceof String) {
            return Optional.empty();
        }
        Set<Role> roles = authentication.getAuthorities().stream()
                .map(authority -> authority.getAuthority())
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .flatMap(name -> java.util.Arrays.stream(Role.values())
                        .filter(role -> role.name().equals(name)))
                .collect(Collectors.toUnmodifiableSet());
        return Optional.of(new CurrentCaller(authentication.getName(), roles));
    }

    /** The caller of an endpoint that requires a token; the security layer has refused everyone else already. */
    public static CurrentCaller require() {
        return fromSecurityContext().orElseThrow(NotSignedIn::new);
    }

    static final class NotSignedIn extends BusinessRefusal {
        NotSignedIn() {
            super(ConventionCode.UNAUTHENTICATED, Kind.UNAUTHENTICATED, "A valid bearer token is required.");
        }
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
