package org.restrictionledger.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One packaged Quarkus service ({@code target/quarkus-app/quarkus-run.jar}) running as a process of its own, its
 * output handed line by line to a sink (the console with a prefix, or a log file).
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final int port;
    private final int managementPort;

    private ServiceProcess(String name, Process process, int port, int managementPort) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
    }

    /** As {@link #start(String, Path, int, int, Map, Consumer)}, with the management interface on a free port. */
    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> env, Consumer<String> output) {
        return start(name, jar, port, KafkaBroker.freePort(), env, output);
    }

    /**
     * @param port           the public port (QUARKUS_HTTP_PORT)
     * @param managementPort health, metrics and OpenAPI (QUARKUS_MANAGEMENT_PORT): several services on one machine
     *                       each need their own, the packaged default 9000 fits one per pod
     * @param env            further configuration as environment variables
     */
    public static ServiceProcess start(String name, Path jar, int port, int managementPort, Map<String, String> env,
                                       Consumer<String> output) {
        return start(name, jar, port, managementPort, QUICK_START, env, output);
    }

    /**
     * JVM options for tests and the local stack: quick to start and small (C1 only: tests spend their time starting
     * services, not in long hot loops).
     */
    public static final List<String> QUICK_START = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** As {@link #start(String, Path, int, int, Map, Consumer)}, with these JVM options. */
    public static ServiceProcess start(String name, Path jar, int port, int managementPort, List<String> jvmOptions,
                                       Map<String, String> env, Consumer<String> output) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw package -DskipTests)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        try {
            Process process = builder.start();
            Thread pump = new Thread(() -> pump(process, output), name + "-output");
            pump.setDaemon(true);
            pump.start();
            return new ServiceProcess(name, process, port, managementPort);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    public String name() {
        return name;
    }

    /** The operating system's id of the service's JVM: where its memory and CPU time can be read. */
    public long pid() {
        return process.pid();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The management interface: {@code /q/health/*}, {@code /q/metrics}, {@code /q/openapi}. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** Waits until {@code /q/health/ready} (on the management port) answers 200. */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready");
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + name, e);
            }
            KafkaBroker.pause();
        }
        throw new IllegalStateException(name + " was not ready at " + managementUrl() + "/q/health/ready within " + timeout);
    }

    /** SIGTERM (Quarkus shuts down gracefully), SIGKILL after 30 s. */
    @Override
    public void close() {
        Processes.stop(process);
    }

    /** SIGKILL: a crash, nothing flushed, nothing committed that was not already. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends SIGTERM and returns at once; {@link #awaitExit} says when it has ended. */
    public void terminate() {
        process.destroy();
    }

    /** @return whether the process ended within {@code timeout} */
    public boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void pump(Process process, Consumer<String> output) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.accept(line);
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }
}
