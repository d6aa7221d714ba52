package io.github.gridbill.core.time;

import static io.github.gridbill.core.Expect.invalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IntervalLengthTest {

  static Stream<Arguments> data_lengths() {
    return Stream.of(
        Arguments.of(IntervalLength.ONE_MINUTE, 1, 60),
        Arguments.of(IntervalLength.FIVE_MINUTES, 5, 12),
        Arguments.of(IntervalLength.TEN_MINUTES, 10, 6),
        Arguments.of(IntervalLength.FIFTEEN_MINUTES, 15, 4),
        Arguments.of(IntervalLength.THIRTY_MINUTES, 30, 2),
        Arguments.of(IntervalLength.SIXTY_MINUTES, 60, 1));
  }

  @ParameterizedTest
  @MethodSource("data_lengths")
  void lengths(IntervalLength length, int minutes, int perHour) {
    assertThat(length.minutes()).isEqualTo(minutes);
    assertThat(length.seconds()).isEqualTo(minutes * 60);
    assertThat(length.perHour()).isEqualTo(perHour);
    assertThat(length.duration()).isEqualTo(Duration.ofMinutes(minutes));
    assertThat(IntervalLength.of(Duration.ofMinutes(minutes))).isSameAs(length);
  }

  @Test
  void of_refuses_other_durations() {
    invalid("intervalLength must be 1, 5, 10, 15, 30 or 60 minutes: PT20M",
        () -> IntervalLength.of(Duration.ofMinutes(20)));
  }

  @Test
  void of_refuses_a_duration_with_seconds() {
    invalid("intervalLength must be 1, 5, 10, 15, 30 or 60 minutes: PT15M1S",
        () -> IntervalLength.of(Duration.ofSeconds(901)));
  }
}
