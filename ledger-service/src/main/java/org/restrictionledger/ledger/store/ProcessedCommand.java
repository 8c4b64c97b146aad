package org.restrictionledger.ledger.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A command the ledger has decided; its presence makes a redelivery of the command a no-op. */
@Entity
@Table(name = "processed_commands")
public class ProcessedCommand extends PanacheEntityBase {

    @Id
    @Column(name = "command_id")
    public UUID commandId;

    @Column(name = "stream_id", nullable = false)
    public String streamId;

    @Column(nullable = false)
    public String decision;

    public String reason;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;
}
