package edu.scrutiny.matching;

/** What a token of a normalised name is; the comparer treats each kind differently. */
public enum TokenKind {
    /** An ordinary word of the name: it carries the name's identity. */
    WORD,
    /** A number: numbers must agree ("Fund III" is not "Fund IV" when written as digits). */
    NUMBER,
    /** A single letter, usually an initial ("V. Putin"). */
    INITIAL,
    /** A legal form or company type (Ltd, LLC, JSC, GmbH, 有限公司), in its canonical spelling. */
    LEGAL_FORM,
    /** A title or honorific (Mr, Dr, President, Sheikh): never evidence of identity. */
    TITLE
}
