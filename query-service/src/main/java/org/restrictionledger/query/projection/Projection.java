package org.restrictionledger.query.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.restrictionledger.events.RecordedEvent;
import org.restrictionledger.events.status.StatusFold;
import org.restrictionledger.events.status.StreamStatus;

/**
 * Applies one event to the read model in one transaction: the event row (whose id is the checkpoint) and the
 * stream's new status commit together, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class Projection {

    private static final Logger LOG = Logger.getLogger(Projection.class);

    /** @return false when the event had been projected before */
    @Transactional
    public boolean apply(RecordedEvent event) {
        if (ProjectedEvent.findById(event.eventId()) != null) {
            LOG.debugf("event %s of %s v%d already projected", event.eventId(), event.stream(), event.streamVersion());
            return false;
        }
        PlatformStatusRow row = PlatformStatusRow.findById(event.stream().toString());
        long projected = row == null ? 0 : row.version;
        if (event.streamVersion() != projected + 1) {
            LOG.warnf("gap in %s: projected up to v%d, received v%d (event %s); the status may be incomplete until "
                    + "the missing events arrive", event.stream(), projected, event.streamVersion(), event.eventId());
        }
        ProjectedEvent.of(event).persist();
        StreamStatus status = StatusFold.fold(event.stream(), ProjectedEvent.ofStream(event.stream()));
        if (row == null) {
            row = new PlatformStatusRow();
            row.update(status);
            row.persist();
        } else {
            row.update(status);
        }
        LOG.debugf("projected %s v%d: %s", event.stream(), event.streamVersion(), status.status());
        return true;
    }
}
