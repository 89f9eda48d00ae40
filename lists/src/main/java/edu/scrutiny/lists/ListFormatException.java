package edu.scrutiny.lists;

/**
 * Input that is not what its format requires. The message always names where (file, and line,
 * row or element when there is one) and what was expected, so that a user can fix the file
 * without reading our code.
 */
public class ListFormatException extends RuntimeException {
    private final String location;
    private final String problem;

    /**
     * @param location where: a file, optionally followed by a line, row or element, e.g. {@code sdn.csv line 12}
     * @param problem  what is wrong and what was expected
     */
    public ListFormatException(String location, String problem) {
        super(location + ": " + problem);
        this.location = location;
        this.problem = problem;
    }

    public ListFormatException(String location, String problem, Throwable cause) {
        super(location + ": " + problem, cause);
        this.location = location;
        this.problem = problem;
    }

    public String location() {
        return location;
    }

    public String problem() {
        return problem;
    }
}
