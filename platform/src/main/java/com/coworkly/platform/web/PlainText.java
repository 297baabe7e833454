package com.coworkly.platform.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person reads back (a name, an address, a reason): any Unicode character that can be stored, printed and
 * written to a calendar, and line breaks and tabs, but no other control character (NUL, escape, bell, C1 controls)
 * and no half of a surrogate pair. PostgreSQL cannot store NUL in text, UTF-8 cannot encode a lone surrogate, and
 * neither a calendar line nor a PDF can show the others; refusing them at the door keeps every copy of the text
 * (event, read models, HTML, PDF, iCalendar) exactly what was sent. Null is valid: pair with NotNull or NotBlank.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({
    ElementType.METHOD,
    ElementType.FIELD,
    ElementType.ANNOTATION_TYPE,
    ElementType.CONSTRUCTOR,
    ElementType.PARAMETER,
    ElementType.TYPE_USE
})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String message() default "must not contain control characters other than line breaks and tabs";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
