package io.reroute.platform.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumbersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "+44 20 7946 0000  | +442079460000",
                "+1 (555) 010-0202 | +15550100202",
                "030 9012-0505     | 03090120505"
            })
    void normalizesToDigitsWithTheLeadingPlus(String entered, String sent) {
        assertThat(PhoneNumbers.normalize(entered)).isEqualTo(sent);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "+44 20 7946 0123  | +*********123",
                "+1 (555) 010-0202 | +********202",
                "0301234           | ****234",
                "012345            | ****45",
                "1234              | ****",
                "+12               | +**"
            })
    void masksAllButTheLastDigitsAndNeverMoreThanAllButFour(String entered, String masked) {
        assertThat(PhoneNumbers.mask(entered)).isEqualTo(masked);
    }

    @Test
    void masksWhatLooksLikeANumberInProviderAnswers() {
        assertThat(PhoneNumbers.redactNumbers("{\"error\":\"not deliverable to +44 20 7946 0123\",\"code\":21}"))
                .isEqualTo("{\"error\":\"not deliverable to +*********123\",\"code\":21}");
    }
}
