package org.restrictionledger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Prometheus Operator objects (typed, monitoring.coreos.com/v1) and the dashboard: scraping on the management port,
 * the alerts this system needs, each with a runbook in deploy/README.md, and a dashboard of documented metrics.
 */
class MonitoringTest {

    private static final Set<String> ALERTS = Set.of("ProjectionLagGrowing", "ProjectionStalled", "ProjectionParkedStreams",
            "LedgerOutboxNotDraining", "LedgerVerifyFailures", "DeadLetterRecords", "ConsumerNotLive", "HttpServerErrors");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void eachServiceIsScrapedOnItsManagementPort(String overlay) {
        List<JsonNode> objects = Rendered.overlay(overlay);
        for (String service : Rendered.SERVICES) {
            ServiceMonitor monitor = Models.parse(Rendered.named(objects, "ServiceMonitor", service), ServiceMonitor.class);
            Service svc = Models.parse(Rendered.named(objects, "Service", service), Service.class);
            monitor.getSpec().getSelector().getMatchLabels().forEach((k, v) ->
                    assertEquals(v, svc.getMetadata().getLabels().get(k), service + ": the ServiceMonitor does not select its Service"));
            Endpoint endpoint = monitor.getSpec().getEndpoints().get(0);
            assertEquals("/q/metrics", endpoint.getPath(), service);
            ServicePort port = svc.getSpec().getPorts().stream().filter(p -> p.getName().equals(endpoint.getPort()))
                    .findFirst().orElseThrow(() -> new AssertionError(service + " has no port " + endpoint.getPort()));
            assertEquals("management", port.getTargetPort().getStrVal(), service);
            assertEquals(9000, port.getPort(), service);
        }
        ManifestsTest.deployments(objects).forEach(d -> assertTrue(d.getSpec().getTemplate().getMetadata().getAnnotations() == null
                || !d.getSpec().getTemplate().getMetadata().getAnnotations().containsKey("prometheus.io/scrape"),
                d.getMetadata().getName() + ": scraping is the ServiceMonitor's job"));
    }

    @Test
    void theAlertsThatMatterAreThereEachWithARunbook() throws Exception {
        PrometheusRule rules = Models.parse(Rendered.named(Rendered.overlay("production"), "PrometheusRule", "restriction-ledger"),
                PrometheusRule.class);
        List<Rule> alerts = rules.getSpec().getGroups().stream().flatMap(g -> g.getRules().stream()).toList();
        assertEquals(new TreeSet<>(ALERTS), alerts.stream().map(Rule::getAlert).collect(Collectors.toCollection(TreeSet::new)));
        Set<String> anchors = anchors(Files.readString(Rendered.ROOT.resolve("deploy/README.md")));
        for (Rule alert : alerts) {
            String name = alert.getAlert();
            assertTrue(Set.of("warning", "critical").contains(alert.getLabels().get("severity")), name + " has no severity");
            assertFalse(alert.getAnnotations().getOrDefault("summary", "").isBlank(), name + " has no summary");
            String runbook = alert.getAnnotations().get("runbook_url");
            assertEquals("deploy/README.md#" + name.toLowerCase(Locale.ROOT), runbook, name);
            assertTrue(anchors.contains(name.toLowerCase(Locale.ROOT)), name + " has no runbook heading in deploy/README.md");
            assertFalse(alert.getExpr().getStrVal().isBlank(), name);
        }
    }

    @Test
    void theDashboardShowsWhatItPromisesFromDocumentedMetrics() throws Exception {
        JsonNode dashboard = Rendered.YAML.readTree(Rendered.ROOT.resolve("deploy/components/monitoring/restriction-ledger-dashboard.json").toFile());
        String readme = Files.readString(Rendered.ROOT.resolve("README.md"));
        Set<String> metrics = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher m = Pattern.compile("\\b([a-z_]+_(?:total|lag|backlog|seconds_count|seconds_sum|seconds_max))\\b")
                        .matcher(target.path("expr").asText());
                while (m.find()) {
                    metrics.add(m.group(1));
                }
            }
        }
        assertEquals(Set.of("ingest_reports_total", "ledger_commands_total", "ledger_events_appended_total", "projection_lag",
                "ledger_outbox_backlog", "http_server_requests_seconds_sum", "http_server_requests_seconds_count",
                "http_server_requests_seconds_max"), metrics);
        metrics.stream().map(m -> m.replaceAll("_(sum|count|max)$", ""))
                .forEach(m -> assertTrue(readme.contains(m), m + " is not documented in README"));
    }

    /** GitHub's heading anchors: lower case, spaces to dashes, punctuation dropped. */
    private static Set<String> anchors(String markdown) {
        return markdown.lines().filter(l -> l.startsWith("#")).map(l -> l.replaceFirst("^#+\\s*", ""))
                .map(h -> h.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-'))
                .collect(Collectors.toSet());
    }
}
