package dev.gatehouse.domain.directory;

import java.time.Instant;

/** Who made an entry and when, and who changed it last and when (AWS's CreatedAt/By, UpdatedAt/By). */
public record Stamps(Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    public static Stamps made(Instant at, String by) {
        return new Stamps(at, by, at, by);
    }

    public Stamps changed(Instant at, String by) {
        return new Stamps(createdAt, createdBy, at, by);
    }
}
