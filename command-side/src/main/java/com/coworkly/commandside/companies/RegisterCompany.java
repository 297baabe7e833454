package com.coworkly.commandside.companies;

import com.coworkly.events.catalogue.Address;
import com.coworkly.events.common.CompanyId;

/** Opens a company account; {@code vatId} may be null. */
public record RegisterCompany(CompanyId companyId, String name, Address billingAddress, String vatId)
        implements CompanyCommand {}
