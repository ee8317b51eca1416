package io.ticketing.coreapi.pipeline;

/** How far the booking saga is behind the event stream; any saga coordinator can tell, from its shared tokens. */
public record FindSagaLag() {}
