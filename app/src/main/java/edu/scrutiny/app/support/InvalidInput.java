package edu.scrutiny.app.support;

import java.util.List;

/**
 * Input that cannot be accepted, with every problem found: each names where (the file or request)
 * and the field, and says what was expected. The command line prints them and exits with 1; the
 * REST API answers 400 with them.
 */
public final class InvalidInput extends RuntimeException {

    /** One problem: the field (a JSON path such as {@code parties[0].country}, or empty) and what is wrong. */
    public record Problem(String field, String message) {
        @Override
        public String toString() {
            return field == null || field.isEmpty() ? message : field + ": " + message;
        }
    }

    private final String source;
    private final List<Problem> problems;

    public InvalidInput(String source, List<Problem> problems) {
        super(describe(source, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInput needs at least one problem");
        }
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public InvalidInput(String source, String field, String message) {
        this(source, List.of(new Problem(field, message)));
    }

    /** Where the input came from: a file path, or a request such as {@code POST /api/engagements}. */
    public String source() {
        return source;
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(String source, List<Problem> problems) {
        StringBuilder sb = new StringBuilder(source == null ? "input" : source);
        if (problems.size() == 1) {
            return sb.append(": ").append(problems.get(0)).toString();
        }
        sb.append(": ").append(problems.size()).append(" problems");
        for (Problem p : problems) {
            sb.append("\n  ").append(p);
        }
        return sb.toString();
    }
}
