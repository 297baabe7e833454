package com.coworkly.systemtests.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** Company accounts as the tests make them, through the API. */
public final class Companies {

    private Companies() {}

    /** A company in Amsterdam with a Dutch VAT number. */
    public static Map<String, Object> aCompany(String name) {
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("name", name);
        company.put(
                "billingAddress",
                Map.of("street", "Damrak 1", "postalCode", "1012 LG", "city", "Amsterdam", "countryCode", "NL"));
        company.put("vatId", "NL123456789B01");
        return company;
    }

    /** Registered by the demo administrator; answers its id. */
    public static String register(Api api, Map<String, Object> company) {
        return api.commandSide()
                .as(api.signIn(Api.ADMIN))
                .post("/api/companies", company)
                .expectStatus(201)
                .body()
                .get("companyId")
                .asText();
    }
}
