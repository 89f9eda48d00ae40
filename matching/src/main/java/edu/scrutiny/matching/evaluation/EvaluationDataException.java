package edu.scrutiny.matching.evaluation;

/**
 * An evaluation file that is missing or not in its layout. The message names the file, the line
 * when there is one, and what was expected.
 */
public final class EvaluationDataException extends RuntimeException {
    EvaluationDataException(String location, String problem) {
        super(location + ": " + problem);
    }

    EvaluationDataException(String location, String problem, Throwable cause) {
        super(location + ": " + problem, cause);
    }
}
