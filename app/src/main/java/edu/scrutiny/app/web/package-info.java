/**
 * The web interface: server-rendered pages (Thymeleaf, one layout fragment, htmx for partial
 * updates, Chart.js for the dashboard) over the other modules' facades. No module depends on this
 * one. Every script and style is a static file or a webjar, so that a strict Content-Security-Policy
 * ({@code default-src 'self'}) holds; every value is written escaped ({@code th:text}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web interface")
package edu.scrutiny.app.web;
