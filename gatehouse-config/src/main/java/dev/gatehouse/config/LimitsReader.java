package dev.gatehouse.config;

import dev.gatehouse.domain.oidc.DeviceVerification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the Gatehouse-only {@code limits} section; every missing piece takes its value from {@link Limits#DEFAULTS}. */
final class LimitsReader {
    private LimitsReader() {
    }

    static Limits read(YamlValue section) {
        Limits defaults = Limits.DEFAULTS;
        return section.map("perToken", "perAddress", "maxInFlight", "trustedProxies", "wrongUserCodes",
                        "headerTimeoutSeconds", "bodyTimeoutSeconds", "maxConnectionsPerAddress")
                .map(m -> new Limits(
                        rateLimit(m.get("perToken"), defaults.perToken()),
                        rateLimit(m.get("perAddress"), defaults.perAddress()),
                        integer(m.get("maxInFlight"), 1, Integer.MAX_VALUE, defaults.maxInFlight()),
                        m.get("trustedProxies").map(LimitsReader::addressRanges).orElse(List.of()),
                        wrongUserCodes(m.get("wrongUserCodes"), defaults.wrongUserCodes()),
                        connections(m, defaults.connections())))
                .orElse(defaults);
    }

    private static DeviceVerification.Policy wrongUserCodes(Optional<YamlValue> value,
                                                            DeviceVerification.Policy defaults) {
        return value.flatMap(v -> v.map("perSession", "perAddress", "lockFor")).map(m -> new DeviceVerification.Policy(
                integer(m.get("perSession"), 1, 1_000, defaults.perSession()),
                integer(m.get("perAddress"), 1, 100_000, defaults.perAddress()),
                m.get("lockFor").flatMap(v -> v.duration(Duration.ofMinutes(1), Duration.ofDays(1)))
                        .orElse(defaults.lockFor())))
                .orElse(defaults);
    }

    private static Connections connections(YamlMap m, Connections defaults) {
        return new Connections(
                seconds(m.get("headerTimeoutSeconds"), defaults.headerTimeout()),
                seconds(m.get("bodyTimeoutSeconds"), defaults.bodyTimeout()),
                integer(m.get("maxConnectionsPerAddress"), 0, Integer.MAX_VALUE, defaults.maxPerAddress()));
    }

    /** An int from {@code min} to {@code max}; {@code defaults} when absent or wrong (the problem noted). */
    private static int integer(Optional<YamlValue> value, int min, int max, int defaults) {
        return value.flatMap(v -> v.integer(min, max)).map(Long::intValue).orElse(defaults);
    }

    /** Whole seconds, 1 to 3600. */
    private static Duration seconds(Optional<YamlValue> value, Duration defaults) {
        return value.flatMap(v -> v.integer(1, 3600)).map(Duration::ofSeconds).orElse(defaults);
    }

    private static List<AddressRange> addressRanges(YamlValue value) {
        List<AddressRange> ranges = new ArrayList<>();
        for (YamlValue item : value.list().orElse(List.of())) {
            item.string(text -> AddressRange.parse(text).isPresent(),
                            "'%s' is not an IP address or CIDR block (e.g. 10.0.0.5 or 10.0.0.0/8)")
                    .flatMap(AddressRange::parse)
                    .ifPresent(ranges::add);
        }
        return ranges;
    }

    private static RateLimit rateLimit(Optional<YamlValue> value, RateLimit defaults) {
        return value.flatMap(v -> v.map("capacity", "refillPerSecond")).map(m -> {
            long capacity = m.get("capacity")
                    .flatMap(v -> v.integer(0, Long.MAX_VALUE))
                    .orElse(defaults.capacity());
            Optional<YamlValue> refillNode = m.get("refillPerSecond");
            long refill = refillNode
                    .flatMap(v -> v.integer(0, Long.MAX_VALUE))
                    .orElse(defaults.refillPerSecond());
            if (capacity > 0 && refill == 0) {
                String problem = "'refillPerSecond' must be above 0 while 'capacity' is above 0 (capacity 0 turns the limit off)";
                refillNode.ifPresentOrElse(v -> v.fail(problem), () -> m.fail(problem));
                return defaults;
            }
            return new RateLimit(capacity, refill);
        }).orElse(defaults);
    }
}
