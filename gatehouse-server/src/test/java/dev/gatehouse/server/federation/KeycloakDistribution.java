package dev.gatehouse.server.federation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Keycloak's server distribution ({@code org.keycloak:keycloak-quarkus-dist}, a zip from Maven
 * Central that Maven keeps in the local repository), unpacked once under {@code target/keycloak}.
 * Maven names the zip in the system property {@value #ZIP_PROPERTY} (see gatehouse-server's pom:
 * only under CI or with {@code GATEHOUSE_TEST_KEYCLOAK=1}, so a plain build never downloads it).
 */
final class KeycloakDistribution {
    static final String ZIP_PROPERTY = "gatehouse.test.keycloak.zip";
    private static final Path UNPACKED = Path.of("target", "keycloak");

    private KeycloakDistribution() {
    }

    /** The Keycloak home directory (with {@code bin/kc.sh}), unpacking the zip the first time. */
    static Path home() throws IOException {
        Path zip = zip();
        String name = zip.getFileName().toString().replaceFirst("\\.zip$", "");
        Path done = UNPACKED.resolve(name + ".unpacked");
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Path home = UNPACKED.resolve(topDirectory(file)).toAbsolutePath();
            if (!Files.exists(done)) {
                deleteTree(home);
                unpack(file, UNPACKED.toAbsolutePath());
                try (Stream<Path> scripts = Files.list(home.resolve("bin"))) {
                    scripts.filter(p -> p.toString().endsWith(".sh")).forEach(p -> p.toFile().setExecutable(true));
                }
                Files.writeString(done, zip.toString());
            }
            return home;
        }
    }

    private static Path zip() {
        String property = System.getProperty(ZIP_PROPERTY, "");
        if (property.isBlank() || property.startsWith("${")) {
            throw new IllegalStateException("No Keycloak distribution: the system property " + ZIP_PROPERTY
                    + " is not set. Run the tests through Maven with GATEHOUSE_TEST_KEYCLOAK=1 (or CI=true), "
                    + "which fetches org.keycloak:keycloak-quarkus-dist (zip) and names it there.");
        }
        Path zip = Path.of(property);
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("No Keycloak distribution at " + zip + " (" + ZIP_PROPERTY + ")");
        }
        return zip;
    }

    private static String topDirectory(ZipFile file) {
        String first = file.entries().nextElement().getName();
        return first.substring(0, first.indexOf('/'));
    }

    private static void unpack(ZipFile file, Path into) throws IOException {
        Enumeration<? extends ZipEntry> entries = file.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            Path target = into.resolve(entry.getName()).normalize();
            if (!target.startsWith(into)) {
                throw new IOException("Zip entry outside the target directory: " + entry.getName());
            }
            if (entry.isDirectory()) {
                Files.createDirectories(target);
            } else {
                Files.createDirectories(target.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
