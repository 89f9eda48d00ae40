/**
 * Name matching for restricted-party screening: normalisation, transliteration, comparison,
 * candidate retrieval, scoring and explanation. Pure Java: no Spring, no JDBC.
 */
package edu.scrutiny.matching;
