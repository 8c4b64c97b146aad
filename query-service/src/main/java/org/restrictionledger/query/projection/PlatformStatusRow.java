package org.restrictionledger.query.projection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.restrictionledger.events.json.Json;
import org.restrictionledger.events.status.StreamStatus;

import java.time.Instant;
import java.util.List;

/** The projected current status of one stream; {@code document} is the {@link StreamStatus} the API shows. */
@Entity
@Table(name = "platform_status")
public class PlatformStatusRow extends PanacheEntityBase {

    @Id
    @Column(name = "stream_id")
    public String streamId;

    @Column(nullable = false)
    public String country;

    @Column(nullable = false)
    public String platform;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public long version;

    @Column(name = "last_change")
    public Instant lastChange;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String document;

    void update(StreamStatus s) {
        streamId = s.stream().toString();
        country = s.stream().country();
        platform = s.stream().platform();
        status = s.status().name();
        version = s.version();
        lastChange = s.lastChange();
        document = Json.write(s);
    }

    public StreamStatus toStatus() {
        return Json.read(document, StreamStatus.class);
    }

    public static List<StreamStatus> ofCountry(String country) {
        return PlatformStatusRow.<PlatformStatusRow>list("country", Sort.by("platform"), country).stream()
                .map(PlatformStatusRow::toStatus).toList();
    }
}
