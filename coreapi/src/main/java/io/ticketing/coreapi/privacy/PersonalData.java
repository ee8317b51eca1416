package io.ticketing.coreapi.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text component of an event that identifies a person. It is stored encrypted with the key of the event's
 * {@link DataSubject}, and reads as {@link #ERASED} once that key is destroyed (crypto-shredding): the append-only
 * event stream keeps no personal data a user's erasure could not reach.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface PersonalData {

    /** What an erased subject's personal data reads as, in events, projections and audits. */
    String ERASED = "[erased]";
}
