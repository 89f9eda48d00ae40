package edu.scrutiny.lists.internal;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class DatesPeriodTest {

    @Test
    void listingDateIsThePeriodsFirstDay() {
        assertThat(Dates.listingDate("2022")).isEqualTo(LocalDate.of(2022, 1, 1));
        assertThat(Dates.listingDate("2022-06")).isEqualTo(LocalDate.of(2022, 6, 1));
        assertThat(Dates.listingDate("2022-06-28")).isEqualTo(LocalDate.of(2022, 6, 28));
        assertThat(Dates.listingDate("Mar 2021")).isEqualTo(LocalDate.of(2021, 3, 1));
        assertThat(Dates.listingDate("soon")).isNull();
        assertThat(Dates.listingDate(" ")).isNull();
    }

    @Test
    void delistingDateIsTheDayAfterThePeriod() {
        assertThat(Dates.delistingDate("2026")).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(Dates.delistingDate("2026-12")).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(Dates.delistingDate("2026-07-23")).isEqualTo(LocalDate.of(2026, 7, 23));
        assertThat(Dates.delistingDate("never")).isNull();
    }
}
