package edu.scrutiny.app.identity;

/** An identity provider vouched for someone Scrutiny will not sign in; the message says why (never a secret). */
public class ExternalSignInRefused extends RuntimeException {
    public ExternalSignInRefused(String message) {
        super(message);
    }
}
