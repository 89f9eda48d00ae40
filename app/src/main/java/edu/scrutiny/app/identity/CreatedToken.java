package edu.scrutiny.app.identity;

/** A token just made: the only time its secret is known to Scrutiny. */
public record CreatedToken(ApiToken token, String secret) {
    @Override
    public String toString() {
        return "CreatedToken[" + token + "]"; // never the secret
    }
}
