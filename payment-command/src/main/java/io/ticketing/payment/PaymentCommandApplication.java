package io.ticketing.payment;

import io.ticketing.support.PlatformService;
import io.ticketing.support.ServiceDefinition;

/** Payments: requested, taken through the payment gateway, declined, cancelled and refunded. */
@PlatformService
public class PaymentCommandApplication {

    public static final ServiceDefinition SERVICE =
            new ServiceDefinition("payment-command", PaymentCommandApplication.class);

    public static void main(String[] args) {
        SERVICE.applicationBuilder().run(args);
    }
}
