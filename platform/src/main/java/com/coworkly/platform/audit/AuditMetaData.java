package com.coworkly.platform.audit;

/**
 * The metadata keys every stored event carries, so that an operator can answer "who did this, through which
 * command, in which request, and because of which message". Both services name them through these constants;
 * the query side's audit API reads them back from {@code event_store.domain_event_entry.meta_data}.
 */
public final class AuditMetaData {

    /** The member id of the person who asked, or {@code system:<process>} for a process of the system. */
    public static final String ACTOR_ID = "actorId";
    /** The roles of the actor's token, comma-separated and sorted. */
    public static final String ACTOR_ROLES = "actorRoles";
    /** The simple name of the command that was handled when the event was applied, e.g. {@code PlaceBooking}. */
    public static final String COMMAND_NAME = "commandName";
    /** The name of the deadline that was handled when the event was applied, e.g. {@code payment-hold}. */
    public static final String DEADLINE_NAME = "deadlineName";
    /** The client's {@code X-Request-Id} (or the one generated for a request without it). */
    public static final String REQUEST_ID = "requestId";
    /** The id of the message whose handling produced this one (Axon's "correlation id" under another name). */
    public static final String CAUSATION_ID = "causationId";
    /** The id of the first message of the chain: the command a request sent (Axon's "trace id"). */
    public static final String CORRELATION_ID = "correlationId";

    public static final String SYSTEM_PREFIX = "system:";

    private AuditMetaData() {}
}
