package org.restrictionledger.events;

/**
 * A value the contract does not allow, refused by the constructor of the contract type that holds the rule (a fine's
 * amount and currency, a measure, a feature list). Each rule is written once, there: ingest reads the same rule's
 * message for a report's field, the ledger turns the refusal into a rejected command.
 */
public final class ContractViolation extends IllegalArgumentException {

    private final String field;

    public ContractViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field the rule concerns, as the event names it ({@code amount}, {@code currency}, {@code features}…). */
    public String field() {
        return field;
    }

    /** Throws when there is a problem; a null problem means the value is allowed. */
    static void check(String field, String problem) {
        if (problem != null) {
            throw new ContractViolation(field, problem);
        }
    }
}
