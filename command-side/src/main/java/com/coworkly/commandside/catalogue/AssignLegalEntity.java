package com.coworkly.commandside.catalogue;

import com.coworkly.commandside.commands.RefusalCode;
import com.coworkly.commandside.commands.TargetsAggregate;
import com.coworkly.events.catalogue.LegalEntity;
import com.coworkly.events.common.SpaceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AssignLegalEntity(@TargetAggregateIdentifier SpaceId spaceId, LegalEntity legalEntity)
        implements TargetsAggregate {

    @Override
    public String targetId() {
        return spaceId.value();
    }

    @Override
    public RefusalCode notFoundCode() {
        return RefusalCode.SPACE_NOT_FOUND;
    }
}
