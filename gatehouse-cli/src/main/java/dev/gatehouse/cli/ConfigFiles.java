package dev.gatehouse.cli;

import dev.gatehouse.config.ConfigException;
import dev.gatehouse.config.ConfigLoader;
import dev.gatehouse.config.GatehouseConfig;
import java.io.PrintWriter;
import java.nio.file.Path;

/** The directory configuration a command runs with, read alike by {@code serve} and {@code directory export}. */
final class ConfigFiles {
    private ConfigFiles() {
    }

    /** The configuration in {@code file}, or the built-in demo directory; null when it has problems, which are printed. */
    static GatehouseConfig loadOrReport(Path file, PrintWriter err) {
        try {
            return file == null ? ConfigLoader.demo() : ConfigLoader.load(file);
        } catch (ConfigException e) {
            err.println("gatehouse: configuration error\n" + e.getMessage());
            return null;
        }
    }
}
