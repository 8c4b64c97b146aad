package org.restrictionledger.events.checkpoint;

/** The last event of a stream at some moment: its version and hash. */
public record StreamHead(String stream, long version, String hash) {
}
