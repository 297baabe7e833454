package com.coworkly.events.catalogue;

public record Address(String street, String postalCode, String city, String countryCode) {}
