package dev.faro.bench.footprint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcFilesTest {

    /** The head of a JVM's /proc/<pid>/status on this machine class (Linux 6, JDK 17). */
    private static final String STATUS = String.join(
            "\n",
            "Name:\tjava",
            "Umask:\t0022",
            "State:\tS (sleeping)",
            "Tgid:\t10223",
            "Pid:\t10223",
            "PPid:\t10222",
            "VmPeak:\t 9084564 kB",
            "VmSize:\t 9084564 kB",
            "VmHWM:\t  306304 kB",
            "VmRSS:\t  306300 kB",
            "RssAnon:\t  281460 kB",
            "RssFile:\t   24844 kB",
            "");

    @Test
    void residentMemoryIsVmRssNotThePeak() {
        assertThat(ProcFiles.residentKib(STATUS)).hasValue(306_300);
    }

    @Test
    void aKernelThreadHasNoResidentMemoryLine() {
        assertThat(ProcFiles.residentKib("Name:\tkthreadd\nState:\tS (sleeping)\n"))
                .isEmpty();
    }

    @Test
    void environmentSplitsOnNulAndKeepsEqualsSignsInValues() {
        String environ = "PATH=/usr/bin:/bin\0FARO_KEY_WRAPPING_KEY=abc+/de==\0EMPTY=\0QUARKUS_HTTP_PORT=8081\0";

        assertThat(ProcFiles.environment(environ))
                .containsEntry("PATH", "/usr/bin:/bin")
                .containsEntry("FARO_KEY_WRAPPING_KEY", "abc+/de==")
                .containsEntry("EMPTY", "")
                .containsEntry("QUARKUS_HTTP_PORT", "8081")
                .hasSize(4);
    }

    @Test
    void startTimeIsField22CountedAfterTheCommandName() {
        String stat = "10223 (java) S 10222 10080 3546 0 -1 4194304 81605 0 0 0 665 51 0 0 20 0 127 0 3423761"
                + " 9302593536 76500 18446744073709551615 94889272475648";

        assertThat(ProcFiles.startTicks(stat)).isEqualTo(3_423_761);
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
        String stat = "42 (my (odd) name) S 1 42 42 0 -1 4194304 10 0 0 0 1 1 0 0 20 0 1 0 777 1000 10";

        assertThat(ProcFiles.startTicks(stat)).isEqualTo(777);
    }

    @Test
    void bootTimeComesFromTheBtimeLine() {
        String stat = "cpu  1 2 3 4\ncpu0 1 2 3 4\nintr 5\nctxt 6\nbtime 1795655397\nprocesses 7\n";

        assertThat(ProcFiles.bootEpochSeconds(stat)).isEqualTo(1_795_655_397L);
    }
}
