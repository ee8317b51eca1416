package io.ticketing.coreapi.common;

/**
 * How long each kind of text in a message may be: the HTTP edge refuses longer input with these, and projections
 * size their columns by them (and cut what an older event brings that is longer, rather than fail on it).
 */
public final class TextLimits {

    public static final int EMAIL = 320;
    /** Full names, show names, venues. */
    public static final int NAME = 200;
    /** Why a booking or payment changed, as projections store it. */
    public static final int REASON = 500;
    /** What a customer may write as a reason: the platform prefixes it (e.g. "Booking cancelled: "). */
    public static final int CUSTOMER_REASON = 400;

    public static final int PAYMENT_TOKEN = 64;
    public static final int IDEMPOTENCY_KEY = 200;

    private TextLimits() {}
}
