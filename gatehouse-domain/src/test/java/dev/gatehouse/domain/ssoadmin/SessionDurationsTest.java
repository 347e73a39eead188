package dev.gatehouse.domain.ssoadmin;

import static dev.gatehouse.domain.DomainFixture.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.error.ErrorCode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionDurationsTest {
    @Test
    void everyIsoFormWithinOneToTwelveHoursIsAccepted() {
        assertThat(SessionDurations.parse("PT1H")).isEqualTo(Duration.ofHours(1));
        assertThat(SessionDurations.parse("PT12H")).isEqualTo(Duration.ofHours(12));
        assertThat(SessionDurations.parse("PT90M")).isEqualTo(Duration.ofMinutes(90));
        assertThat(SessionDurations.parse("PT3600S")).isEqualTo(Duration.ofHours(1));
        assertThat(SessionDurations.parse("PT2H30M15.5S")).isEqualTo(Duration.ofSeconds(2 * 3600 + 30 * 60 + 15, 500_000_000));
        assertThat(SessionDurations.parse("P0DT4H")).isEqualTo(Duration.ofHours(4));
        assertThat(SessionDurations.parse("P0Y0M0DT5H")).isEqualTo(Duration.ofHours(5));
    }

    @Test
    void theBoundsAreExact() {
        assertFails(ErrorCode.VALIDATION, () -> SessionDurations.parse("PT3599S"));
        assertFails(ErrorCode.VALIDATION, () -> SessionDurations.parse("PT59M59.999S"));
        assertFails(ErrorCode.VALIDATION, () -> SessionDurations.parse("PT12H0.001S"));
        assertFails(ErrorCode.VALIDATION, () -> SessionDurations.parse("PT43201S"));
        assertThat(SessionDurations.parse("PT43200S")).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void calendarUnitsNegativeAndHugeValuesAreRefused() {
        assertFails(ErrorCode.VALIDATION, () -> SessionDurations.parse("P1D"));
        assertFails(ErrorCode.VALIDATION, () -> SessionDurations.parse("P1W"));
        assertFails(ErrorCode.VALIDATION, () -> SessionDurations.parse("P1M"));
        assertFails(ErrorCode.VALIDATION, () -> SessionDurations.parse("P1YT1H"));
        assertFails(ErrorCode.VALIDATION, () -> SessionDurations.parse("-PT2H"));
        assertFails(ErrorCode.VALIDATION, () -> SessionDurations.parse("PT99999999999999999999999H"));
    }
}
