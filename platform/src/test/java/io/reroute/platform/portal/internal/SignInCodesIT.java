package io.reroute.platform.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.reroute.platform.support.PlatformIntegrationTest;
import io.reroute.platform.tenancy.WorkspaceId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformIntegrationTest
class SignInCodesIT {

    @Autowired
    SignInCodes codes;

    @Test
    void anAccountsWrongGuessesOfTheDayAreLimitedWhateverCodeTheyAreMadeOn() {
        var workspace = new WorkspaceId(UUID.randomUUID());
        var neighbour = new WorkspaceId(UUID.randomUUID());

        // Four codes in turn, each ended by five wrong guesses: the day's twenty are spent.
        for (int code = 0; code < SignInCodes.MAX_WRONG_GUESSES_A_DAY / SignInCodes.MAX_GUESSES; code++) {
            String issued = codes.issue(workspace, "A-1").block();
            for (int guess = 0; guess < SignInCodes.MAX_GUESSES; guess++) {
                assertThat(codes.redeem(workspace, "A-1", wrong(issued)).block())
                        .isFalse();
            }
        }
        String right = codes.issue(workspace, "A-1").block();
        assertThat(codes.redeem(workspace, "A-1", right).block())
                .as("the right code, once the day's wrong guesses are spent")
                .isFalse();

        // Another account, and the same account number in another workspace, are untouched.
        String other = codes.issue(workspace, "A-2").block();
        assertThat(codes.redeem(workspace, "A-2", other).block()).isTrue();
        String elsewhere = codes.issue(neighbour, "A-1").block();
        assertThat(codes.redeem(neighbour, "A-1", elsewhere).block()).isTrue();
    }

    @Test
    void aRightCodeClearsTheWrongGuessesBeforeIt() {
        var workspace = new WorkspaceId(UUID.randomUUID());
        for (int round = 0; round < 3; round++) {
            String issued = codes.issue(workspace, "B-1").block();
            for (int guess = 0; guess < SignInCodes.MAX_GUESSES - 1; guess++) {
                assertThat(codes.redeem(workspace, "B-1", wrong(issued)).block())
                        .isFalse();
            }
            assertThat(codes.redeem(workspace, "B-1", issued).block())
                    .as("round " + round)
                    .isTrue();
        }
    }

    private static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }
}
