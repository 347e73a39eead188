package dev.gatehouse.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Loads the directory configuration (see CONTRACT.md, "Directory configuration (YAML)"). Every problem
 * is raised as a {@link ConfigException} whose message has one line per problem, each reading
 * {@code FILE:LINE: what is wrong}.
 */
public final class ConfigLoader {
    /** Classpath resource of the built-in demo directory; also the file name its errors would carry. */
    public static final String DEMO_RESOURCE = "/dev/gatehouse/config/demo-directory.yaml";
    /** The {@link GatehouseConfig#source()} of the demo configuration. */
    public static final String DEMO_SOURCE = "built-in demo directory";
    /** A user of the demo directory, with access to every demo account, for the start-up banner. */
    public static final String DEMO_USER = "alice";
    public static final String DEMO_PASSWORD = "correct horse battery staple";
    /** The demo directory's bootstrap admin key, which the start-up banner shows with an AWS CLI example. */
    public static final String DEMO_ADMIN_KEY_ID = "AKIAGATEHOUSEDEMO001";

    private ConfigLoader() {
    }

    /** Reads, validates and builds the configuration in {@code file}; plain passwords are hashed here. */
    public static GatehouseConfig load(Path file) {
        Problems problems = new Problems(file.toString());
        return ConfigReader.read(YamlDocument.read(file, problems), problems, file.toString(),
                file.toAbsolutePath().getParent());
    }

    /** The built-in demo directory: users alice and bob, three accounts, three permission sets. */
    public static GatehouseConfig demo() {
        String text;
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new Problems(DEMO_RESOURCE).fatal(1, "resource not found on the classpath");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parse(text, DEMO_RESOURCE, DEMO_SOURCE);
    }

    /**
     * Reads a configuration from text; {@code name} is the file name errors carry, and files it names
     * are read from the working directory.
     */
    static GatehouseConfig parse(String text, String name, String source) {
        Problems problems = new Problems(name);
        return ConfigReader.read(YamlDocument.parse(text, problems), problems, source, Path.of("").toAbsolutePath());
    }
}
