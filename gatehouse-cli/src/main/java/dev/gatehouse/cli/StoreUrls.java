package dev.gatehouse.cli;

/** Store URLs as they may be shown: without passwords. */
final class StoreUrls {
    private StoreUrls() {
    }

    /** The URL with any {@code password=} value and any {@code user:password@} secret masked. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1****").replaceAll("//([^/:@]+):[^@/]*@", "//$1:****@");
    }
}
