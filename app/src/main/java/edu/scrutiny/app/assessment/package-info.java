/**
 * Assessment: gathers the evidence for an engagement (list hits, through ownership chains too;
 * directives; countries; research areas; unknown ownership) as of a date, and applies the current
 * policy's rules to it, giving a tier, dimension scores and coded reasons. Records an assessment
 * for every stored engagement, with the policy version and list versions it used.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assessment")
package edu.scrutiny.app.assessment;
