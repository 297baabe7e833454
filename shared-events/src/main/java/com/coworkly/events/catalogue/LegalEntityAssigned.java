package com.coworkly.events.catalogue;

import com.coworkly.events.common.SpaceId;
import org.axonframework.serialization.Revision;

/**
 * An administrator named the legal entity that sells the space's bookings, and so issues its invoices from now
 * on. Invoices issued before keep the seller they name; a space that never had one assigned invoices as the
 * network's default seller (configuration, decision 37).
 */
@Revision("1")
public record LegalEntityAssigned(SpaceId spaceId, LegalEntity legalEntity) implements SpaceEvent {}
