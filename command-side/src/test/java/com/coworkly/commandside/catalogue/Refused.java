package com.coworkly.commandside.catalogue;

import com.coworkly.platform.web.BusinessRefusal;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a business refusal by its code, the part of a "no" that callers rely on. */
public final class Refused extends TypeSafeMatcher<BusinessRefusal> {

    private final String code;

    private Refused(String code) {
        this.code = code;
    }

    public static Matcher<BusinessRefusal> refusedWith(String code) {
        return new Refused(code);
    }

    @Override
    protected boolean matchesSafely(BusinessRefusal refusal) {
        return refusal.code().name().equals(code);
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a refusal with code ").appendValue(code);
    }

    @Override
    protected void describeMismatchSafely(BusinessRefusal refusal, Description mismatch) {
        mismatch.appendText("was refused with code ").appendValue(refusal.code().name());
    }
}
