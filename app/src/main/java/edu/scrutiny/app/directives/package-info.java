/**
 * Directives: institutional decisions about named counterparties and their subsidiaries ("no new
 * engagements or renewals with Huawei or ZTE"), with a scope, an effective date, a reason and a
 * date by which to revisit them. Imported from YAML or JSON; every revision kept.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directives")
package edu.scrutiny.app.directives;
