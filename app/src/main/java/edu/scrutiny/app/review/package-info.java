/**
 * Review and decision: a case for every assessment that needs review, routed by tier and by the
 * policy's routing (analyst decline for PROHIBITED; compliance review, faculty committee and, when
 * the policy's condition holds, the senior risk group for ELEVATED; STANDARD clears automatically
 * with its record kept), queues with service levels, and the actions people take on a case:
 * request information, adjudicate hits, attach and attest conditions, recommend, decide, and
 * write internal notes; and the case's analyst (taken, assigned, or the first analyst to act),
 * whom monitoring's alerts on the engagement reach. Every action is published as a {@link edu.scrutiny.app.review.ReviewEvent}
 * (which the audit trail records) and enforces who may do it and in which state of the case.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Review and decision")
package edu.scrutiny.app.review;
