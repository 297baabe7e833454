package com.coworkly.queryside.dashboards.figures;

import java.time.ZoneId;

/** A space as its dashboard knows it: its calendar's zone and the currency of its money. */
public record Space(String spaceId, String name, ZoneId zone, String currency) {}
