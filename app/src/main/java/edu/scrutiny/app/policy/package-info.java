/**
 * The risk policy as data: rules that turn evidence into a tier and dimension scores, versioned,
 * read and changed by administrators. The conditions a rule can name ({@link
 * edu.scrutiny.app.policy.Condition}) are the vocabulary the assessment module evaluates; which
 * conditions matter, with what parameters, tier and scores, is the policy's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Risk policy")
package edu.scrutiny.app.policy;
