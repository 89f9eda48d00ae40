package edu.scrutiny.app.identity;

/**
 * A sign-in was refused (never the password or token). What the caller chose (the user name tried,
 * the address as reported) is stored bounded and normalised: control and format characters removed,
 * at most {@value #MAX_LENGTH} characters, so that nobody can grow the audit trail by sending a long
 * name, nor forge lines in it.
 *
 * @param username the user name as presented (bounded), or null
 */
public record SignInFailed(String username, String method, String reason, String remoteAddress) {
    /** The longest user name or address kept from a failed sign-in. */
    public static final int MAX_LENGTH = 64;

    public SignInFailed {
        username = username == null ? null : bounded(username);
        remoteAddress = remoteAddress == null ? null : bounded(remoteAddress);
        reason = reason == null ? null : reason.length() > 300 ? reason.substring(0, 300) : reason;
    }

    /**
     * Text from outside, as it may be kept: control and format characters (line breaks, bidirectional
     * overrides, zero-width characters) removed, white space collapsed, and at most {@value #MAX_LENGTH}
     * characters, the cut marked with "…".
     */
    public static String bounded(String text) {
        String clean = text.codePoints()
                .limit(10_000) // a bound on the work, whatever was sent
                .map(c -> Character.isWhitespace(c) ? ' ' : c)
                .filter(c -> Character.getType(c) != Character.CONTROL && Character.getType(c) != Character.FORMAT)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString().replaceAll("\\s+", " ").strip();
        if (clean.codePointCount(0, clean.length()) <= MAX_LENGTH) {
            return clean;
        }
        return clean.substring(0, clean.offsetByCodePoints(0, MAX_LENGTH - 1)) + "…";
    }
}
