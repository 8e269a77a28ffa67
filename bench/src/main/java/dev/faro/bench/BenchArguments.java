package dev.faro.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code ./faro bench [--quick] [name ...]}: which benchmarks to run and how long.
 *
 * @param names the benchmarks asked for, in the harness's order; every one when none was named
 */
record BenchArguments(boolean quick, List<String> names, boolean help) {

    static final String USAGE = "usage: ./faro bench [--quick] [name ...]";

    /** Parses the arguments against the benchmarks this build holds ({@code known}, in running order). */
    static BenchArguments parse(List<String> args, List<String> known) {
        boolean quick = false;
        Set<String> asked = new LinkedHashSet<>();
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                return new BenchArguments(quick, known, true);
            } else if (arg.startsWith("-")) {
                throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            } else if (!known.contains(arg)) {
                throw new IllegalArgumentException(
                        "no benchmark named " + arg + "; this build has: " + String.join(", ", known));
            } else {
                asked.add(arg);
            }
        }
        if (asked.isEmpty()) {
            return new BenchArguments(quick, known, false);
        }
        List<String> inOrder = new ArrayList<>();
        for (String name : known) {
            if (asked.contains(name)) {
                inOrder.add(name);
            }
        }
        return new BenchArguments(quick, inOrder, false);
    }
}
