package dev.faro.lead.leads;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes RFC 4180 CSV: comma-separated, CRLF line ends, a cell in double quotes (with its quotes doubled) when it
 * holds a comma, a quote or a line break. A cell that a spreadsheet would run as a formula (it starts with =, +, -,
 * @, a tab or a carriage return) gets a leading apostrophe: leads write these values themselves, and a marketer
 * opening the export must not execute what a stranger typed into a form.
 */
final class CsvWriter {

    private final Writer out;

    CsvWriter(Writer out) {
        this.out = out;
    }

    /** One record; a null cell is empty. */
    void row(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    void flush() throws IOException {
        out.flush();
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String inert = startsLikeAFormula(value) ? "'" + value : value;
        if (inert.indexOf(',') < 0 && inert.indexOf('"') < 0 && inert.indexOf('\r') < 0 && inert.indexOf('\n') < 0) {
            return inert;
        }
        return '"' + inert.replace("\"", "\"\"") + '"';
    }

    private static boolean startsLikeAFormula(String value) {
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> true;
            default -> false;
        };
    }
}
