/**
 * Reference data the policy reads: the institution's country lists (elevated-risk countries and
 * the statutory foreign countries of concern), each versioned with reasons, and the research-area
 * taxonomy (seeded with the US Critical and Emerging Technologies list).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reference data")
package edu.scrutiny.app.reference;
