package com.coworkly.commandside.identity;

import com.coworkly.events.common.MemberId;
import com.coworkly.platform.security.Role;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** For whoever runs the network (the demo seeding, an operator's script): who has an account, and its roles. */
@Component
public class NetworkRoles {

    private final Accounts accounts;

    NetworkRoles(Accounts accounts) {
        this.accounts = accounts;
    }

    public Optional<MemberId> memberWithEmail(String email) {
        return accounts.findByEmail(email).map(Accounts.Account::memberId);
    }

    public void grant(MemberId member, Role role) {
        accounts.grant(member, role);
    }
}
