package com.coworkly.commandside.identity;

import com.coworkly.commandside.commands.RefusalCode;
import com.coworkly.commandside.commands.TargetsAggregate;
import com.coworkly.events.common.MemberId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterMember(@TargetAggregateIdentifier MemberId memberId, String email, String name, Password password)
        implements TargetsAggregate {

    @Override
    public String targetId() {
        return memberId.value();
    }

    @Override
    public RefusalCode notFoundCode() {
        return RefusalCode.MEMBER_NOT_FOUND;
    }
}
