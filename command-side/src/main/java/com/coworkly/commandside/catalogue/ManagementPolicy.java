package com.coworkly.commandside.catalogue;

import com.coworkly.commandside.commands.Actor;
import com.coworkly.events.common.MemberId;
import com.coworkly.events.common.SpaceId;
import com.coworkly.platform.security.Role;

/** A space's resources are changed by its managers and by administrators, by no one else. */
final class ManagementPolicy {

    private ManagementPolicy() {}

    static void requireMayManage(Actor actor, SpaceId space, SpaceDirectory spaces) {
        if (spaces.termsOf(space).isEmpty()) {
            throw CatalogueRefusal.unknownSpace(space);
        }
        boolean mayManage = actor.is(Role.ADMIN) || spaces.isManagedBy(space, new MemberId(actor.id()));
        if (!mayManage) {
            throw CatalogueRefusal.notManagerOf(space);
        }
    }
}
