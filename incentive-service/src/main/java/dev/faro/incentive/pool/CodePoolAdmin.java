package dev.faro.incentive.pool;

import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hibernate.exception.ConstraintViolationException;

/** What the admin API does with pools, each call one transaction. */
@ApplicationScoped
public class CodePoolAdmin {

    /** An import is one transaction; a bigger pool is imported in several files. */
    static final int MAX_CSV_BYTES = 2 * 1024 * 1024;

    private static final int MAX_ERRORS = 100;
    private static final Pattern POOL_ID = Pattern.compile(CodePoolRequest.SLUG);

    private final CodePools pools;

    public CodePoolAdmin(CodePools pools) {
        this.pools = pools;
    }

    @Transactional
    public CodePool create(CodePoolRequest request) {
        if (!pools.create(request.id(), request.campaign(), request.lowWater())) {
            throw new ProblemException(Problem.of(
                    "code-pool-exists", "The code pool exists", 409, "a pool " + request.id() + " exists", List.of()));
        }
        return pools.find(request.id()).orElseThrow();
    }

    @Transactional
    public CodePool find(String id) {
        return existing(id).orElseThrow(() -> ProblemException.notFound("no code pool " + id));
    }

    /** Imports every code of the file or, if any line is at fault, none. */
    @Transactional
    public CodePool importCodes(String id, byte[] csv) {
        existing(id).orElseThrow(() -> ProblemException.notFound("no code pool " + id));
        if (csv.length > MAX_CSV_BYTES) {
            throw new ProblemException(Problem.of(
                    "payload-too-large",
                    "The file is too large",
                    413,
                    "an import takes at most " + MAX_CSV_BYTES + " bytes; split the file",
                    List.of()));
        }
        CodeCsv.Result read = CodeCsv.read(csv);
        if (!read.errors().isEmpty()) {
            throw rejected(read.errors());
        }
        if (read.codes().isEmpty()) {
            throw rejected(List.of(new Problem.FieldError("line 2", "the file has no codes below its header")));
        }
        List<String> codes = read.codes().stream().map(CodeCsv.Line::code).toList();
        Set<String> existing = pools.existing(codes);
        List<Problem.FieldError> errors = new ArrayList<>();
        for (CodeCsv.Line line : read.codes()) {
            if (existing.contains(line.code())) {
                errors.add(new Problem.FieldError("line " + line.number(), "the code was imported already"));
            }
        }
        if (!errors.isEmpty()) {
            throw rejected(errors);
        }
        try {
            pools.add(id, codes);
        } catch (ConstraintViolationException e) {
            // Another import took one of these codes between the check above and this insert.
            throw new ProblemException(Problem.of(
                    "codes-imported-concurrently",
                    "Another import added some of these codes",
                    409,
                    "nothing was imported; send the file again to see which lines",
                    List.of()));
        }
        return pools.find(id).orElseThrow();
    }

    /** The pool a path names; text that is no pool id names none and is not looked up. */
    private Optional<CodePool> existing(String id) {
        return POOL_ID.matcher(id).matches() ? pools.find(id) : Optional.empty();
    }

    private static ProblemException rejected(List<Problem.FieldError> errors) {
        List<Problem.FieldError> shown = errors.subList(0, Math.min(MAX_ERRORS, errors.size()));
        String detail = errors.size() == 1
                ? shown.get(0).field() + ": " + shown.get(0).message()
                : errors.size() + " lines are not valid"
                        + (errors.size() > MAX_ERRORS ? ", the first " + MAX_ERRORS + " are listed" : "")
                        + "; nothing was imported";
        return new ProblemException(Problem.of("invalid-csv", "The CSV file is not valid", 400, detail, shown));
    }
}
