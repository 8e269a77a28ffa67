package dev.faro.bench.cpu;

/**
 * The CPU fields of one {@code /proc/<pid>/stat} or {@code /proc/<pid>/task/<tid>/stat} line, in clock ticks.
 *
 * @param name the command name (field 2, without its parentheses; at most 15 characters, may hold spaces)
 * @param parentPid field 4
 * @param userTicks field 14, {@code utime}
 * @param systemTicks field 15, {@code stime}
 * @param reapedChildrenUserTicks field 16, {@code cutime}: children that exited and were waited for
 * @param reapedChildrenSystemTicks field 17, {@code cstime}
 */
public record ProcStat(
        String name,
        long parentPid,
        long userTicks,
        long systemTicks,
        long reapedChildrenUserTicks,
        long reapedChildrenSystemTicks) {

    /**
     * Parses the line. The name sits between the first '(' and the last ')', because the name itself may hold
     * spaces and parentheses; the numbered fields are counted after that last ')'.
     */
    public static ProcStat parse(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("not a /proc stat line: " + stat);
        }
        String[] fields = stat.substring(close + 1).trim().split("\\s+");
        if (fields.length < 15) {
            throw new IllegalArgumentException("too few fields in /proc stat line: " + stat);
        }
        // fields[0] is field 3 (state), so field n is at index n - 3
        return new ProcStat(
                stat.substring(open + 1, close),
                Long.parseLong(fields[1]),
                Long.parseLong(fields[11]),
                Long.parseLong(fields[12]),
                Long.parseLong(fields[13]),
                Long.parseLong(fields[14]));
    }

    /** CPU the process (or thread) itself used, user and system. */
    public long ownTicks() {
        return userTicks + systemTicks;
    }

    /** CPU its exited children used, as far as it waited for them. */
    public long reapedChildrenTicks() {
        return reapedChildrenUserTicks + reapedChildrenSystemTicks;
    }
}
