package dev.gatehouse.cli;

import dev.gatehouse.config.GatehouseConfig;
import java.io.PrintWriter;
import java.util.Map;

/** Which store a command uses, and store URLs as they may be shown: without passwords. */
final class StoreUrls {
    /** The environment variable that names a PostgreSQL store. */
    static final String STORE_VARIABLE = "GATEHOUSE_STORE";

    private StoreUrls() {
    }

    /**
     * The first of: the {@code --store} option, the {@value #STORE_VARIABLE} environment variable, the
     * configuration's {@code store:}; null for the embedded store under {@code --data}.
     */
    static String choose(String option, Map<String, String> environment, GatehouseConfig config) {
        if (option != null) {
            return option;
        }
        String fromEnvironment = environment.get(STORE_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        return config.store().orElse(null);
    }

    /** True, with the reason printed, when {@code url} is given and is not a PostgreSQL JDBC URL (shown without secrets). */
    static boolean refused(String url, PrintWriter err) {
        if (url == null || url.startsWith("jdbc:postgresql:")) {
            return false;
        }
        err.println("gatehouse: --store (or " + STORE_VARIABLE + ") takes a PostgreSQL JDBC URL "
                + "(jdbc:postgresql://HOST:PORT/DB?user=...), not " + redact(url));
        return true;
    }

    /** The URL with any {@code password=} value and any {@code user:password@} secret masked. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1****").replaceAll("//([^/:@]+):[^@/]*@", "//$1:****@");
    }
}
