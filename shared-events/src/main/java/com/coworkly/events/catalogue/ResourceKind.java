package com.coworkly.events.catalogue;

public enum ResourceKind {
    DESK,
    MEETING_ROOM,
    OFFICE,
    PHONE_BOOTH,
    EVENT_SPACE
}
