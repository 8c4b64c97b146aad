package org.restrictionledger.support.health;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.restrictionledger.support.messaging.KafkaClientProperties;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Readiness follows the broker: DOWN while no broker answers within {@code rl.health.kafka-timeout}. Quarkus' own
 * Kafka check ({@code quarkus.kafka.health.enabled}, off in every service) waits for its admin client's default API
 * timeout, a minute, when the broker is away: longer than any probe, and a worker thread held per probe meanwhile.
 * This one answers within the timeout, and asks the broker at most once per {@code rl.health.kafka-interval}, however
 * many probes and scrapers ask.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    static final String NAME = "Kafka broker";

    private final KafkaClientProperties kafka;
    private final Duration timeout;
    private final Duration interval;
    private Admin admin;
    private HealthCheckResponse last;
    private long lastAt;

    BrokerReadiness(KafkaClientProperties kafka,
                    @ConfigProperty(name = "rl.health.kafka-timeout") Duration timeout,
                    @ConfigProperty(name = "rl.health.kafka-interval") Duration interval) {
        this.kafka = kafka;
        this.timeout = timeout;
        this.interval = interval;
    }

    @Override
    public synchronized HealthCheckResponse call() {
        long now = System.nanoTime();
        if (last == null || now - lastAt >= interval.toNanos()) {
            last = ask();
            lastAt = System.nanoTime();
        }
        return last;
    }

    private HealthCheckResponse ask() {
        int millis = Math.toIntExact(timeout.toMillis());
        try {
            Collection<Node> nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(millis))
                    .nodes().get(millis + 500L, TimeUnit.MILLISECONDS);
            return HealthCheckResponse.named(NAME).up().withData("nodes",
                    nodes.stream().map(n -> n.host() + ":" + n.port()).collect(Collectors.joining(","))).build();
        } catch (ExecutionException e) {
            return down(e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            return down(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down(e);
        }
    }

    private HealthCheckResponse down(Throwable cause) {
        return HealthCheckResponse.named(NAME).down().withData("reason", "no broker answered within "
                + timeout.toMillis() + " ms (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")").build();
    }

    private Admin admin() {
        if (admin == null) {
            int millis = Math.toIntExact(timeout.toMillis());
            admin = Admin.create(kafka.with(Map.of(
                    AdminClientConfig.CLIENT_ID_CONFIG, "readiness",
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis,
                    AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000)));
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
