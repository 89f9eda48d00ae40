/**
 * What every module shares: the JSON mapper, the clock, and the one way bad input is reported
 * ({@link edu.scrutiny.app.support.InvalidInput}, naming the source and field).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package edu.scrutiny.app.support;
