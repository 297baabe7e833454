package com.coworkly.queryside.operations;

/**
 * What a retry did: of the {@code sequences} it tried, {@code succeeded} were handled to their end and left the
 * queue; {@code stillParked} sequences of the group remain, those that failed again among them.
 */
record Retried(String processingGroup, int sequences, int succeeded, long stillParked) {}
