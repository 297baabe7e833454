package com.coworkly.commandside.payment;

/** The provider could not be reached or refused to work; the booking stands and the request can be repeated. */
public class PaymentProviderUnavailable extends RuntimeException {

    PaymentProviderUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
