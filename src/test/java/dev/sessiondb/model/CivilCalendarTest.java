package dev.sessiondb.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The calendar's arithmetic against java.time's ISO calendar, over every day of the years of four digits. */
class CivilCalendarTest {

    @Test
    void everyDayFromYearZeroToYear9999HasJavaTimesEpochDayBothWays() {
        for (LocalDate date = LocalDate.of(0, 1, 1); !date.isAfter(LocalDate.of(9999, 12, 31)); date = date.plusDays(1)) {
            long epochDay = CivilCalendar.epochDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
            if (epochDay != date.toEpochDay()) {
                assertThat(epochDay).as(date.toString()).isEqualTo(date.toEpochDay());
            }
            long yearMonthDay = CivilCalendar.yearMonthDay(epochDay);
            long expected = date.getYear() * 10_000L + date.getMonthValue() * 100L + date.getDayOfMonth();
            if (yearMonthDay != expected) {
                assertThat(yearMonthDay).as(date.toString()).isEqualTo(expected);
            }
        }
    }

    @Test
    void monthsHaveJavaTimesLengthsInLeapYearsAndOthers() {
        for (int year = 0; year <= 9999; year++) {
            for (int month = 1; month <= 12; month++) {
                assertThat(CivilCalendar.lengthOfMonth(year, month)).as(year + "-" + month).isEqualTo(YearMonth.of(year, month).lengthOfMonth());
            }
        }
    }
}
