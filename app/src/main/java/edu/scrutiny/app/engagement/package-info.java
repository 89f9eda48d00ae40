/**
 * Engagements: what an institution is asked to enter into, with whom, where, funded how. Read
 * from JSON validated against {@code schemas/engagement.schema.json}, stored, and announced with
 * {@link edu.scrutiny.app.engagement.EngagementSubmitted} so that assessment follows.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Engagements")
package edu.scrutiny.app.engagement;
