package dev.faro.systemtest.hostile;

import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Text an attacker or a broken script sends where a person's input is expected: injections, control characters,
 * unusual Unicode, invalid addresses, and strings far past every documented limit.
 */
final class HostileText {

    static final List<String> INJECTIONS = List.of(
            "'); DROP TABLE lead;--",
            "' OR '1'='1",
            "\"; DELETE FROM incentive; --",
            "\\'; select pg_sleep(10); --",
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>",
            "javascript:alert(1)",
            "{{7*7}}",
            "{lead.email}",
            "${jndi:ldap://127.0.0.1:1389/a}",
            "%s%s%s%n",
            "../../../../etc/passwd",
            "=HYPERLINK(\"http://127.0.0.1\",\"x\")",
            "\r\nBcc: victim@example.org",
            "a\u0000b");

    static final List<String> INVALID_ADDRESSES = List.of(
            "",
            " ",
            "ana",
            "ana@",
            "@example.org",
            "ana@@example.org",
            "ana@example",
            "ana maría@example.org",
            "ana@example.org\r\nBcc: victim@example.org",
            "ana@example.org\u0000",
            "\"ana\"@example.org ",
            "ana@exa mple.org",
            "<ana@example.org>",
            "ana@example.org, eve@example.org",
            "a".repeat(250) + "@example.org");

    /** Characters a form field never holds: C0 and C1 controls, separators, direction overrides, a byte-order mark. */
    private static final List<String> CONTROL = List.of(
            "\u0000", "\u0007", "\b", "\t", "\n", "\r", "\u001b", "\u007f", "\u0085", "\u009b", "\u2028", "\u2029",
            "\u202e", "\ufeff", "\ud800", "\udfff");

    /** Legitimate but unusual text that must be stored as sent: accents, combining marks, emoji, other scripts. */
    private static final List<String> UNUSUAL = List.of(
            "Lucía Núñez",
            "Zoë",
            "e\u0301",
            "😀👩‍👩‍👧",
            "محمد",
            "王秀英",
            "Ωμέγα",
            "ｆｕｌｌｗｉｄｔｈ",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            "İstanbul",
            "ß");

    private HostileText() {}

    static Gen<String> any() {
        return Generate.frequency(
                Pair.of(3, Generate.pick(INJECTIONS)),
                Pair.of(3, withControlCharacter()),
                Pair.of(2, Generate.pick(UNUSUAL)),
                Pair.of(2, strings().allPossible().ofLengthBetween(0, 40)),
                Pair.of(2, huge()),
                Pair.of(1, Generate.pick(INVALID_ADDRESSES)));
    }

    static Gen<String> addresses() {
        return Generate.frequency(
                Pair.of(4, Generate.pick(INVALID_ADDRESSES)),
                Pair.of(2, Generate.pick(INJECTIONS).map(injection -> injection + "@example.org")),
                Pair.of(2, withControlCharacter().map(text -> "ana" + text + "@example.org")),
                Pair.of(1, huge().map(text -> text + "@example.org")),
                Pair.of(1, any()));
    }

    /** Plain text with one character no form sends put somewhere in it. */
    static Gen<String> withControlCharacter() {
        return strings()
                .basicLatinAlphabet()
                .ofLengthBetween(0, 20)
                .zip(Generate.pick(CONTROL), Generate.range(0, 20), (text, control, at) -> {
                    int position = Math.min(at, text.length());
                    return text.substring(0, position) + control + text.substring(position);
                });
    }

    /** From just past the common 200-character limits to past the 64 KiB body limit, in one- and four-byte text. */
    static Gen<String> huge() {
        return Generate.range(201, 70_000)
                .zip(
                        Generate.pick(List.of("a", "ñ", "😀", "<")),
                        (length, unit) -> unit.repeat(length / unit.length()));
    }
}
