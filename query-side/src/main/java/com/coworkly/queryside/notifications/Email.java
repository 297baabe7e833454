package com.coworkly.queryside.notifications;

/** A rendered email: plain text, to one member. */
record Email(String recipient, String subject, String body) {}
