/**
 * Who is acting: users, their roles, sign-in (local accounts, OpenID Connect, a Shibboleth
 * service provider in front by trusted headers), API tokens, and the {@link
 * edu.scrutiny.app.identity.Actor} every other module receives as "who".
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package edu.scrutiny.app.identity;
