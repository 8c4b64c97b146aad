package org.restrictionledger.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;

/** Where a fact comes from: a URL and/or a publisher, with the publication date when known. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Source(String url, String publisher, LocalDate publishedOn) {
}
