package dev.sessiondb.model;

/**
 * Days of the proleptic Gregorian calendar (java.time's ISO calendar) counted from 1970-01-01, in
 * plain arithmetic: the shift of the year to start in March, so that the leap day ends it, and
 * 400-year eras of 146,097 days (Howard Hinnant's "chrono-Compatible Low-Level Date
 * Algorithms"). {@link Timestamp} reads and writes two dates per record with it: java.time's
 * {@code LocalDate} takes branches that a million records first meet late (a leap year, a
 * month's last days), and each such branch made the compiler throw away and compile again the
 * large method it was inlined into (BENCHMARKS.md).
 */
final class CivilCalendar {

    private static final int DAYS_PER_ERA = 146_097;
    /** From 0000-03-01, where the calendar's eras start, to 1970-01-01. */
    private static final int EPOCH_FROM_ERA_START = 719_468;
    /*
     * The month's facts come from tables indexed by month rather than from comparisons: a
     * comparison is a branch the compiler may have seen go one way only (January first comes
     * months into a store's dates), and it compiles the whole inlining method again when the
     * other way comes. Index 0 is unused.
     */
    /** 1 for January and February, which belong to the previous year's March year. */
    private static final int[] IN_PREVIOUS_MARCH_YEAR = {0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    /** Days from March 1 to the month's first day. */
    private static final int[] DAYS_BEFORE_MONTH = {0, 306, 337, 0, 31, 61, 92, 122, 153, 184, 214, 245, 275};
    private static final int[] MONTH_LENGTH = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    /** 1 for February, which a leap year lengthens. */
    private static final int[] HOLDS_LEAP_DAY = {0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    /** The calendar month of each month of the March year (0 is March). */
    private static final int[] MONTH_OF_MARCH_MONTH = {3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2};
    /** Whether each year of a 400-year cycle is a leap year, as 1 or 0. */
    private static final int[] LEAP_IN_CYCLE = new int[400];

    static {
        for (int year = 0; year < 400; year++) {
            LEAP_IN_CYCLE[year] = year % 4 == 0 && (year % 100 != 0 || year == 0) ? 1 : 0;
        }
    }

    private CivilCalendar() {
    }

    /** The day's number from 1970-01-01 (negative before it); month 1 to 12. */
    static long epochDay(int year, int month, int day) {
        long marchYear = (long) year - IN_PREVIOUS_MARCH_YEAR[month];
        long era = Math.floorDiv(marchYear, 400);
        long yearOfEra = marchYear - era * 400;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + DAYS_BEFORE_MONTH[month] + day - 1;
        return era * DAYS_PER_ERA + dayOfEra - EPOCH_FROM_ERA_START;
    }

    /** The date of {@link #epochDay}'s number, as the decimal number yyyyMMdd (year times 10,000); for years 0 to 9999. */
    static long yearMonthDay(long epochDay) {
        long shifted = epochDay + EPOCH_FROM_ERA_START;
        long era = Math.floorDiv(shifted, DAYS_PER_ERA);
        long dayOfEra = shifted - era * DAYS_PER_ERA;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / (DAYS_PER_ERA - 1)) / 365;
        long dayOfMarchYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int marchMonth = (int) ((5 * dayOfMarchYear + 2) / 153);
        long day = dayOfMarchYear - (153 * marchMonth + 2) / 5 + 1;
        int month = MONTH_OF_MARCH_MONTH[marchMonth];
        long year = yearOfEra + era * 400 + IN_PREVIOUS_MARCH_YEAR[month];
        return year * 10_000 + month * 100 + day;
    }

    /** The number of days of the month (1 to 12) in the year (0 to 9999): February's 29 in leap years. */
    static int lengthOfMonth(int year, int month) {
        return MONTH_LENGTH[month] + HOLDS_LEAP_DAY[month] * LEAP_IN_CYCLE[year % 400];
    }
}
