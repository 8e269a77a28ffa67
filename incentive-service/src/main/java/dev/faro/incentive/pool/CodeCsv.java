package dev.faro.incentive.pool;

import dev.faro.support.problem.Problem.FieldError;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the codes of a shop platform's export: RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF), a header
 * row with a {@code code} column (others are ignored), blank lines skipped. Every problem is reported with the line
 * its record starts on, so a marketer can fix the file in one go.
 */
final class CodeCsv {

    static final int MAX_CODE_LENGTH = 64;

    /** A code and the line of the file it came from. */
    record Line(int number, String code) {}

    /** The codes in file order, or the lines at fault. */
    record Result(List<Line> codes, List<FieldError> errors) {}

    private record Record(int line, List<String> fields) {}

    private CodeCsv() {}

    static Result read(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            return failed(new FieldError("body", "is not UTF-8 text"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<FieldError> errors = new ArrayList<>();
        List<Record> records = records(text, errors);
        if (!errors.isEmpty()) {
            return new Result(List.of(), errors);
        }
        if (records.isEmpty()) {
            return failed(new FieldError("line 1", "the file is empty: it needs a header with a code column"));
        }
        int column = records.get(0).fields().stream()
                .map(name -> name.trim().toLowerCase(Locale.ROOT))
                .toList()
                .indexOf("code");
        if (column < 0) {
            return failed(new FieldError("line " + records.get(0).line(), "the header has no code column"));
        }
        return codes(records.subList(1, records.size()), column);
    }

    private static Result codes(List<Record> rows, int column) {
        List<Line> codes = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (Record row : rows) {
            String field = "line " + row.line();
            if (column >= row.fields().size()) {
                errors.add(new FieldError(field, "has no code column"));
                continue;
            }
            String code = row.fields().get(column).trim();
            String problem = problemWith(code);
            if (problem != null) {
                errors.add(new FieldError(field, problem));
                continue;
            }
            Integer earlier = firstLine.putIfAbsent(code, row.line());
            if (earlier != null) {
                errors.add(new FieldError(field, "duplicates the code on line " + earlier));
                continue;
            }
            codes.add(new Line(row.line(), code));
        }
        return new Result(errors.isEmpty() ? codes : List.of(), errors);
    }

    private static String problemWith(String code) {
        if (code.isEmpty()) {
            return "the code is empty";
        }
        if (code.length() > MAX_CODE_LENGTH) {
            return "the code is longer than " + MAX_CODE_LENGTH + " characters";
        }
        // Visible ASCII only: codes are typed at a shop's checkout, where spaces and look-alike letters from other
        // scripts would make a code that nobody can enter.
        if (!code.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            return "the code has characters other than visible ASCII";
        }
        return null;
    }

    /** Splits the text into records; blank lines are dropped. */
    private static List<Record> records(String text, List<FieldError> errors) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int recordLine = 1;
        int i = 0;
        boolean quotedField = false;
        while (i <= text.length()) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            boolean atEnd = i == text.length();
            if (c == '"' && field.isEmpty() && !quotedField) {
                int close = closingQuote(text, i + 1);
                if (close < 0) {
                    errors.add(new FieldError("line " + recordLine, "a quoted field is not closed"));
                    return records;
                }
                String quoted = text.substring(i + 1, close);
                line += (int) quoted.chars().filter(ch -> ch == '\n').count();
                field.append(quoted.replace("\"\"", "\""));
                quotedField = true;
                i = close + 1;
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                quotedField = false;
            } else if (c == '\n' || c == '\r') {
                fields.add(field.toString());
                field.setLength(0);
                quotedField = false;
                boolean blank = fields.size() == 1 && fields.get(0).isBlank();
                if (!blank) {
                    records.add(new Record(recordLine, List.copyOf(fields)));
                }
                fields.clear();
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                recordLine = line;
            } else if (quotedField || c == '"') {
                errors.add(new FieldError(
                        "line " + line, "a quote is misplaced (quote the whole field, double inner quotes)"));
                return records;
            } else {
                field.append(c);
            }
            if (atEnd) {
                break;
            }
            i++;
        }
        return records;
    }

    /** The index of the quote that closes a quoted field starting at {@code from}, skipping doubled quotes. */
    private static int closingQuote(String text, int from) {
        int i = from;
        while (i < text.length()) {
            if (text.charAt(i) == '"') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return -1;
    }

    private static Result failed(FieldError error) {
        return new Result(List.of(), List.of(error));
    }
}
