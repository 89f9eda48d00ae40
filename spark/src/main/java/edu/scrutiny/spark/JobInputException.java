package edu.scrutiny.spark;

/** The job's input, lists or output are not usable; the message names which and why. Nothing is written. */
public final class JobInputException extends RuntimeException {
    public JobInputException(String message) {
        super(message);
    }
}
