package edu.scrutiny.app.web;

import edu.scrutiny.app.support.Labels;
import edu.scrutiny.app.support.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page shares: the path (for the navigation's current page), and pages for what does
 * not exist. Ordered before the REST API's advice, which answers JSON.
 */
@ControllerAdvice(basePackages = "edu.scrutiny.app.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebSupport {
    /** Who acts through the web interface until sign-in names the user. */
    /** Who acts on a page: the signed-in user (recorded in the audit trail and on what they change). */
    static String actor() {
        org.springframework.security.core.Authentication a =
                org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return a == null || !a.isAuthenticated() ? "web" : a.getName();
    }

    /** Who is signed in, for the header (null on pages seen without signing in). */
    @ModelAttribute("signedInAs")
    String signedInAs(HttpServletRequest request) {
        return request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName();
    }

    /** Whether the signed-in user may see the users page (the administrator, the auditor), for the navigation. */
    @ModelAttribute("mayListUsers")
    boolean mayListUsers(HttpServletRequest request) {
        return request.isUserInRole("ADMINISTRATOR") || request.isUserInRole("AUDITOR");
    }

    /** Whether the signed-in user holds a staff role (sees the staff pages), for the navigation. */
    @ModelAttribute("staff")
    boolean staffAttribute(HttpServletRequest request) {
        return staff(request);
    }

    static boolean staff(HttpServletRequest request) {
        return request.isUserInRole("ANALYST") || request.isUserInRole("REVIEWER")
                || request.isUserInRole("ADMINISTRATOR") || request.isUserInRole("AUDITOR");
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ModelAttribute("fmt")
    Formats formats() {
        return Formats.INSTANCE;
    }

    /** The words for the data's keys (tiers, states, stages, kinds): {@code ${words.of(x)}}. */
    @ModelAttribute("words")
    Labels words() {
        return Labels.words();
    }

    /** The countries by name, for the pages' country fields. */
    @ModelAttribute("countryNames")
    CountryNames countryNames() {
        return CountryNames.INSTANCE;
    }

    /** How instants are shown (UTC, to the minute or second), and percentages. */
    public static final class Formats {
        static final Formats INSTANCE = new Formats();
        private static final java.time.format.DateTimeFormatter MINUTE =
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);
        private static final java.time.format.DateTimeFormatter SECOND =
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(java.time.ZoneOffset.UTC);

        public String minute(java.time.Instant at) {
            return at == null ? "" : MINUTE.format(at);
        }

        public String second(java.time.Instant at) {
            return at == null ? "" : SECOND.format(at);
        }

        /**
         * A URL from list data (an entry's source, a registry record's id) that may become a link: an
         * absolute http or https URL, else null, and the page shows the text without a link. A list is
         * data from outside: a {@code javascript:} or {@code data:} URL in it must not run when an
         * analyst clicks it.
         */
        public String link(String url) {
            if (url == null) {
                return null;
            }
            try {
                java.net.URI uri = new java.net.URI(url.strip());
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
                return (scheme.equals("http") || scheme.equals("https")) && uri.getRawAuthority() != null ? uri.toString() : null;
            } catch (java.net.URISyntaxException e) {
                return null;
            }
        }

        /** A percentage as people write it: 55%, 33.33% (at most two decimals, none when whole). */
        public String percent(Number share) {
            return share == null ? "" : new java.math.BigDecimal(share.toString()).setScale(2, java.math.RoundingMode.HALF_UP)
                    .stripTrailingZeros().toPlainString() + "%";
        }
    }

    @ExceptionHandler(NotFound.class)
    String notFound(NotFound e, Model model, HttpServletResponse response, HttpServletRequest request) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("currentPath", request.getRequestURI());
        model.addAttribute("signedInAs", signedInAs(request));
        model.addAttribute("staff", staff(request));
        model.addAttribute("mayListUsers", mayListUsers(request));
        model.addAttribute("message", e.getMessage());
        model.addAttribute("words", Labels.words());
        return "not-found";
    }

    /** Whether htmx asks (it then wants a fragment, not the whole page). */
    static boolean htmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }
}
