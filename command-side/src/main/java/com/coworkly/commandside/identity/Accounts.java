package com.coworkly.commandside.identity;

import com.coworkly.commandside.catalogue.KnownMembers;
import com.coworkly.events.common.MemberId;
import com.coworkly.platform.security.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The embedded issuer's accounts: email, password hash and network roles of each member. This is the
 * issuer's own store, like an external identity provider's would be, and not part of the event history:
 * a password hash has no place in an immutable, replayable, auditable log.
 */
@Component
class Accounts implements KnownMembers {

    record Account(MemberId memberId, String passwordHash, Set<Role> roles) {}

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;

    Accounts(JdbcTemplate jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /** Emails are unique regardless of case; a race between two registrations is settled by the index. */
    void open(MemberId member, String email, Password password) {
        try {
            jdbc.update(
                    "INSERT INTO member_account (member_id, email, password_hash, roles) VALUES (?, ?, ?, ?)",
                    member.value(),
                    normalized(email),
                    passwords.encode(password.value()),
                    new String[] {Role.MEMBER.name()});
        } catch (DuplicateKeyException e) {
            throw IdentityRefusal.emailTaken();
        }
    }

    Optional<Account> findByEmail(String email) {
        return jdbc
                .query(
                        "SELECT member_id, password_hash, roles FROM member_account WHERE email = ?",
                        (rs, row) -> new Account(
                                new MemberId(rs.getString("member_id")),
                                rs.getString("password_hash"),
                                roles(rs.getArray("roles"))),
                        normalized(email))
                .stream()
                .findFirst();
    }

    /** Network roles (administrator, operator) are granted by whoever runs the network, outside the API. */
    void grant(MemberId member, Role role) {
        jdbc.update(
                "UPDATE member_account SET roles = array_append(roles, ?) WHERE member_id = ? AND NOT (? = ANY(roles))",
                role.name(),
                member.value(),
                role.name());
    }

    @Override
    public boolean exists(MemberId member) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM member_account WHERE member_id = ?)", Boolean.class, member.value()));
    }

    static String normalized(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static Set<Role> roles(Array array) throws java.sql.SQLException {
        return Arrays.stream((String[]) array.getArray()).map(Role::valueOf).collect(Collectors.toUnmodifiableSet());
    }
}
