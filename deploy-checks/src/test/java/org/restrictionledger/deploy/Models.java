package org.restrictionledger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The typed model of every apiVersion and kind deploy/ may contain: Kubernetes (fabric8), Strimzi
 * kafka.strimzi.io/v1 (the Strimzi API model) and the Prometheus Operator's monitoring.coreos.com/v1 (fabric8). A field
 * a model does not know lands in its additional properties, which {@link #unknownFields} reports at any depth.
 */
final class Models {

    static final Map<String, Class<?>> BY_API_VERSION_AND_KIND = Map.ofEntries(
            Map.entry("apps/v1 Deployment", Deployment.class),
            Map.entry("v1 Service", Service.class),
            Map.entry("v1 ConfigMap", ConfigMap.class),
            Map.entry("v1 Secret", Secret.class),
            Map.entry("v1 Namespace", Namespace.class),
            Map.entry("networking.k8s.io/v1 NetworkPolicy", NetworkPolicy.class),
            Map.entry("policy/v1 PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2 HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("kafka.strimzi.io/v1 KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1 KafkaUser", KafkaUser.class),
            Map.entry("monitoring.coreos.com/v1 ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1 PrometheusRule", PrometheusRule.class));

    private static final List<String> MODEL_PACKAGES = List.of("io.fabric8.kubernetes.api.model",
            "io.fabric8.openshift.api.model", "io.strimzi.api");

    private Models() {
    }

    /** The object in its typed model; problems (unknown apiVersion/kind, unknown fields) are added to the list. */
    static <T> T parse(JsonNode object, List<String> problems) {
        String key = object.path("apiVersion").asText() + " " + object.path("kind").asText();
        Class<?> model = BY_API_VERSION_AND_KIND.get(key);
        if (model == null) {
            problems.add(Rendered.where(object) + ": " + key + " is not a kind these checks know (or not that version)");
            return null;
        }
        try {
            Object typed = Rendered.YAML.treeToValue(object, model);
            unknownFields(typed, Rendered.where(object), problems, new IdentityHashMap<>());
            @SuppressWarnings("unchecked") T t = (T) typed;
            return t;
        } catch (IOException e) {
            problems.add(Rendered.where(object) + ": " + e.getMessage());
            return null;
        }
    }

    static <T> T parse(JsonNode object, Class<T> model) {
        try {
            return Rendered.YAML.treeToValue(object, model);
        } catch (IOException e) {
            throw new AssertionError(Rendered.where(object) + ": " + e.getMessage(), e);
        }
    }

    /** Fields the model did not know end up in getAdditionalProperties(): there must be none, at any depth. */
    static void unknownFields(Object value, String where, List<String> problems, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, true) != null) {
            return;
        }
        if (value instanceof Collection<?> collection) {
            collection.forEach(item -> unknownFields(item, where, problems, seen));
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(item -> unknownFields(item, where, problems, seen));
            return;
        }
        if (MODEL_PACKAGES.stream().noneMatch(value.getClass().getName()::startsWith)) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            try {
                Object result = getter.invoke(value);
                if (getter.getName().equals("getAdditionalProperties")) {
                    if (result instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        problems.add(where + ": unknown fields " + extra.keySet() + " in " + value.getClass().getSimpleName());
                    }
                } else {
                    unknownFields(result, where, problems, seen);
                }
            } catch (ReflectiveOperationException e) {
                fail(e);
            }
        }
    }
}
