package org.careledger.appointments;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Slots cut from a doctor's hours in their zone, across the clocks' changes, days off and extra hours. */
class SlotPlannerTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");

    private static List<WeeklyHours> everyDay(LocalTime from, LocalTime to, int minutes) {
        return java.util.Arrays.stream(DayOfWeek.values()).map(d -> new WeeklyHours(d, from, to, minutes)).toList();
    }

    @Test
    void morningHoursStayAtNineOnTheWallClockAcrossTheSpringChangeSoTheirInstantMovesAnHourEarlier() {
        // Europe/Berlin moves from +01:00 to +02:00 on Sunday 29 March 2026
        List<Slot> slots = SlotPlanner.freeSlots(BERLIN, everyDay(LocalTime.of(9, 0), LocalTime.of(10, 0), 20), List.of(),
                LocalDate.of(2026, 3, 28), 2, LONG_AGO, List.of());

        assertThat(slots).hasSize(6);
        assertThat(slots.get(0).start()).isEqualTo(Instant.parse("2026-03-28T08:00:00Z"));
        assertThat(slots.get(3).start()).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
        assertThat(slots).allSatisfy(s -> assertThat(s.start().atZone(BERLIN).getHour()).isEqualTo(9));
    }

    @Test
    void aPatientInAnotherZoneSeesTheSameSlotAtADifferentLocalTimeWhileTheirClocksHaveNotChangedYet() {
        // New York changed on 8 March, Berlin on 29 March: for three weeks they are 5 hours apart, then 6 again
        List<Slot> before = SlotPlanner.freeSlots(BERLIN, everyDay(LocalTime.of(15, 0), LocalTime.of(15, 20), 20), List.of(),
                LocalDate.of(2026, 3, 27), 1, LONG_AGO, List.of());
        List<Slot> after = SlotPlanner.freeSlots(BERLIN, everyDay(LocalTime.of(15, 0), LocalTime.of(15, 20), 20), List.of(),
                LocalDate.of(2026, 3, 30), 1, LONG_AGO, List.of());

        assertThat(before.get(0).start().atZone(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(10, 0));
        assertThat(after.get(0).start().atZone(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
    }

    @Test
    void hoursOverTheSpringGapOfferNoSlotAtAWallTimeThatDoesNotExist() {
        List<Slot> slots = SlotPlanner.freeSlots(BERLIN, everyDay(LocalTime.of(1, 0), LocalTime.of(4, 0), 30), List.of(),
                LocalDate.of(2026, 3, 29), 1, LONG_AGO, List.of());

        assertThat(slots).extracting(s -> s.start().atZone(BERLIN).toLocalTime())
                .as("02:00 and 02:30 do not exist that night").doesNotContain(LocalTime.of(2, 0), LocalTime.of(2, 30))
                .contains(LocalTime.of(1, 0), LocalTime.of(3, 0), LocalTime.of(3, 30));
        assertThat(slots).allSatisfy(s -> assertThat(s.end()).isAfter(s.start()));
        for (int i = 1; i < slots.size(); i++) {
            assertThat(slots.get(i).start()).as("no two slots overlap").isAfterOrEqualTo(slots.get(i - 1).end());
        }
    }

    @Test
    void hoursOverTheAutumnOverlapOfferEachWallTimeOnceAndNoSlotsOverlap() {
        // Berlin goes back from +02:00 to +01:00 at 03:00 on Sunday 25 October 2026: 02:00–03:00 happens twice
        List<Slot> slots = SlotPlanner.freeSlots(BERLIN, everyDay(LocalTime.of(1, 0), LocalTime.of(4, 0), 30), List.of(),
                LocalDate.of(2026, 10, 25), 1, LONG_AGO, List.of());

        assertThat(slots).extracting(s -> s.start().atZone(BERLIN).toLocalTime()).doesNotHaveDuplicates();
        assertThat(slots.get(2).start()).as("02:00 at its earlier offset").isEqualTo(ZonedDateTime.of(2026, 10, 25, 2, 0, 0, 0, BERLIN)
                .withEarlierOffsetAtOverlap().toInstant());
        for (int i = 1; i < slots.size(); i++) {
            assertThat(slots.get(i).start()).as("no two slots overlap").isAfterOrEqualTo(slots.get(i - 1).end());
        }
    }

    @Test
    void aDayOffRemovesTheDayExtraHoursAddAndPastOrTakenSlotsAreNeverOffered() {
        LocalDate monday = LocalDate.of(2026, 12, 7);
        List<WeeklyHours> hours = everyDay(LocalTime.of(9, 0), LocalTime.of(10, 0), 20);
        List<AvailabilityChange> changes = List.of(AvailabilityChange.dayOff(monday.plusDays(1)),
                AvailabilityChange.extraHours(monday.plusDays(2), LocalTime.of(14, 0), LocalTime.of(14, 40), 20));
        Instant nineTwentyMonday = monday.atTime(9, 20).atZone(BERLIN).toInstant();
        Slot taken = new Slot(monday.plusDays(2).atTime(9, 20).atZone(BERLIN).toInstant(),
                monday.plusDays(2).atTime(9, 40).atZone(BERLIN).toInstant());

        List<Slot> slots = SlotPlanner.freeSlots(BERLIN, hours, changes, monday, 3, nineTwentyMonday, List.of(taken));

        assertThat(slots).extracting(s -> s.start().atZone(BERLIN).toLocalDateTime().toString()).containsExactly(
                "2026-12-07T09:20", "2026-12-07T09:40",
                "2026-12-09T09:00", "2026-12-09T09:40", "2026-12-09T14:00", "2026-12-09T14:20");
    }

    @Test
    void extraHoursOverlappingTheWeeklyOnesKeepTheWeeklySlotsAndAddOnlyWhatDoesNotOverlap() {
        LocalDate monday = LocalDate.of(2026, 12, 7);
        List<Slot> slots = SlotPlanner.freeSlots(BERLIN, everyDay(LocalTime.of(9, 0), LocalTime.of(10, 0), 20),
                List.of(AvailabilityChange.extraHours(monday, LocalTime.of(9, 30), LocalTime.of(10, 30), 15)), monday, 1, LONG_AGO, List.of());

        assertThat(slots).extracting(s -> s.start().atZone(BERLIN).toLocalTime().toString())
                .containsExactly("09:00", "09:20", "09:40", "10:00", "10:15");
    }
}
