package org.restrictionledger.bench;

/**
 * One line of the results table.
 *
 * @param measured     the figure, single instances
 * @param baseline     the raw or minimal figure it is compared with, same run ("" when none)
 * @param target       the target for it ("" when none)
 * @param met          whether the target is met; null when there is no target or no figure
 * @param twoInstances the same figure with two ledger and two query instances ("" when not measured)
 */
record Row(String figure, String measured, String baseline, String target, Boolean met, String twoInstances,
           String notes) {

    String verdict() {
        return met == null ? "" : met ? "met" : "**missed**";
    }
}
