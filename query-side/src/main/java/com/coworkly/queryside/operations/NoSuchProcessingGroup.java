package com.coworkly.queryside.operations;

import com.coworkly.platform.web.BusinessRefusal;
import com.coworkly.queryside.web.RefusalCode;

/** A name that is not one of the query side's processing groups with a dead-letter queue. */
final class NoSuchProcessingGroup extends BusinessRefusal {

    NoSuchProcessingGroup(String processingGroup) {
        super(
                RefusalCode.PROCESSING_GROUP_NOT_FOUND,
                Kind.NOT_FOUND,
                "No read model's processing group called " + processingGroup + " parks dead letters.");
    }
}
