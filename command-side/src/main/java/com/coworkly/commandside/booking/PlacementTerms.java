package com.coworkly.commandside.booking;

import com.coworkly.commandside.catalogue.BookableTerms;
import com.coworkly.commandside.catalogue.Resource;
import com.coworkly.commandside.catalogue.SpaceDirectory;
import com.coworkly.commandside.catalogue.SpaceTerms;
import com.coworkly.events.catalogue.BookingQuotas;
import com.coworkly.events.common.ResourceId;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** What a placement (of a booking or a series) reads before it decides: the resource's terms and its space's. */
@Component
public class PlacementTerms {

    /** The resource's terms, its space's, and the space's caps on what one member books there. */
    public record Terms(BookableTerms resource, SpaceTerms space, BookingQuotas quotas) {}

    private final Repository<Resource> resources;
    private final SpaceDirectory spaces;

    PlacementTerms(@Qualifier("resourceRepository") Repository<Resource> resources, SpaceDirectory spaces) {
        this.resources = resources;
        this.spaces = spaces;
    }

    /** Within the placing command's unit of work, which loads (and locks) the resource. */
    public Terms of(ResourceId resource) {
        BookableTerms terms = resources.load(resource.value()).invoke(Resource::bookableTerms);
        SpaceTerms space = spaces.termsOf(terms.spaceId())
                .orElseThrow(() -> new IllegalStateException("resource " + terms.resourceId() + " names space "
                        + terms.spaceId() + ", unknown to the directory"));
        return new Terms(terms, space, spaces.quotasOf(terms.spaceId()));
    }
}
