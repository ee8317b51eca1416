package io.ticketing.coreapi.user;

import io.ticketing.coreapi.common.UserId;
import org.axonframework.serialization.Revision;

/**
 * Stored by registrations before credentials moved out of the event stream: revision 1 carried the password hash.
 * Nothing applies it any more; it stays so that old streams read, and an upcaster takes the hash out of every old
 * one on its way from the store, so no handler, replay or audit ever sees it.
 */
@Revision("2")
public record UserCredentialsSet(UserId userId) {}
