package dev.faro.incentive.contest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DrawAlgorithmTest {

    private final List<UUID> entries = IntStream.range(0, 50)
            .mapToObj(i -> UUID.nameUUIDFromBytes(("entry-" + i).getBytes(StandardCharsets.UTF_8)))
            .toList();

    @Test
    void theSameSeedAndEntriesDrawTheSameWinnersWhateverOrderTheEntriesCameIn() {
        List<UUID> shuffled = new ArrayList<>(entries);
        Collections.shuffle(shuffled);

        assertThat(DrawAlgorithm.winners(DrawAlgorithm.sorted(shuffled), "sorteo-2026", 5))
                .isEqualTo(DrawAlgorithm.winners(DrawAlgorithm.sorted(entries), "sorteo-2026", 5));
    }

    @Test
    void winnersAreDistinctEntriesAndAnotherSeedDrawsOthers() {
        List<UUID> winners = DrawAlgorithm.winners(DrawAlgorithm.sorted(entries), "sorteo-2026", 10);

        assertThat(winners).doesNotHaveDuplicates().hasSize(10).isSubsetOf(entries);
        assertThat(DrawAlgorithm.winners(DrawAlgorithm.sorted(entries), "sorteo-2027", 10))
                .isNotEqualTo(winners);
    }

    @Test
    void drawingEveryEntryIsAPermutation() {
        assertThat(DrawAlgorithm.winners(DrawAlgorithm.sorted(entries), "todos", entries.size()))
                .containsExactlyInAnyOrderElementsOf(entries);
    }

    @Test
    void everyEntryHasItsChance() {
        List<UUID> three = DrawAlgorithm.sorted(entries.subList(0, 3));
        Map<UUID, Integer> firsts = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            firsts.merge(DrawAlgorithm.winners(three, "seed-" + i, 1).get(0), 1, Integer::sum);
        }

        assertThat(firsts.values()).hasSize(3).allSatisfy(count -> assertThat(count)
                .isBetween(850, 1150));
    }

    @Test
    void theEntriesHashIsTheSha256OfTheSortedIdsOneALine() throws Exception {
        List<UUID> sorted = DrawAlgorithm.sorted(entries);
        StringBuilder lines = new StringBuilder();
        sorted.forEach(id -> lines.append(id.toString()).append('\n'));
        String expected = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(lines.toString().getBytes(StandardCharsets.UTF_8)));

        assertThat(DrawAlgorithm.entriesHash(sorted)).isEqualTo(expected);
        assertThat(sorted.get(0).toString()).isLessThan(sorted.get(1).toString());
    }

    @Test
    void moreWinnersThanEntriesCannotBeDrawn() {
        assertThatThrownBy(() -> DrawAlgorithm.winners(entries.subList(0, 2), "seed", 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
