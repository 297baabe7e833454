package com.coworkly.commandside.commands;

import com.coworkly.platform.web.BusinessRefusal;

class UnknownTarget extends BusinessRefusal {

    UnknownTarget(TargetsAggregate command) {
        super(
                command.notFoundCode(),
                Kind.NOT_FOUND,
                "There is no such " + describe(command.notFoundCode()) + ": " + command.targetId() + ".");
    }

    private static String describe(RefusalCode code) {
        return code.name().replace("_NOT_FOUND", "").toLowerCase().replace('_', ' ');
    }
}
