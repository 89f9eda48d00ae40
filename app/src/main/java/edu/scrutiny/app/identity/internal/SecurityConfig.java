package edu.scrutiny.app.identity.internal;

import edu.scrutiny.app.identity.ApiTokens;
import edu.scrutiny.app.identity.Users;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.authentication.preauth.RequestHeaderAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Who may call what. Two filter chains in one place: the REST API ({@code /api/**}: stateless, API
 * tokens or HTTP Basic, JSON 401/403, no CSRF since no cookie signs anyone in there), and everything
 * else (the web UI: the sign-in form, OpenID Connect when a client is registered, a Shibboleth
 * service provider in front when enabled; a session; CSRF on every form). The role rules of the API
 * are in {@link #apiRules}, as the README's table lists them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfig {
    static final String CSP = "default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'";

    static final String SUBMITTER = "SUBMITTER";
    static final String ANALYST = "ANALYST";
    static final String REVIEWER = "REVIEWER";
    static final String ADMINISTRATOR = "ADMINISTRATOR";
    static final String AUDITOR = "AUDITOR";

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, Users users, ApiTokens tokens, SecuritySettings settings, ApiSettings api,
            SignInThrottle throttle) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(SecurityConfig::apiRules)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable()) // no session, no cookie, no Basic a browser caches: a request carries its own credentials
                .authenticationManager(new ProviderManager(new LocalAccounts(users, "basic", false)))
                .addFilterBefore(new TokenFilter(tokens, users), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(JsonErrors.unauthorized(api.basicAuth()))
                        .accessDeniedHandler(JsonErrors.forbidden()))
                .requestCache(r -> r.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .anonymous(Customizer.withDefaults());
        if (api.basicAuth()) {
            http.httpBasic(b -> b.authenticationEntryPoint(JsonErrors.unauthorized(true)));
        } else {
            http.httpBasic(b -> b.disable());
        }
        headers(http, settings);
        http.addFilterAfter(new ThrottleFilter(throttle, true, settings.shibboleth().on() ? settings.shibboleth().userHeader() : null),
                SecurityContextHolderFilter.class);
        if (settings.shibboleth().on()) {
            // the API is for tokens and scripts; the provider's headers are still refused from anyone but it
            http.addFilterAfter(new Shibboleth(settings.shibboleth(), users).guard(), SecurityContextHolderFilter.class);
        }
        return http.build();
    }

    /**
     * The interoperability APIs, yente ({@code /yente/**}) and W3C reconciliation ({@code
     * /reconcile/**}): authenticated as the REST API is (stateless; a token as {@code Bearer} or as
     * yente's {@code ApiKey}, or HTTP Basic; no session, no CSRF), with the desk's roles. A
     * reconciliation preview card may be framed by the origins in {@code
     * scrutiny.reconcile.preview-frame-origins} (OpenRefine shows it in an iframe); nothing else may.
     */
    @Bean
    @Order(1)
    SecurityFilterChain interop(HttpSecurity http, Users users, ApiTokens tokens, ApiSettings api,
            @org.springframework.beans.factory.annotation.Value("${scrutiny.reconcile.preview-frame-origins:}") java.util.List<String> frameOrigins)
            throws Exception {
        String previewCsp = previewCsp(frameOrigins);
        boolean anonymousPreview = !previewCsp.contains("frame-ancestors 'none'");
        String[] screeners = {ANALYST, REVIEWER, ADMINISTRATOR};
        http.securityMatcher("/yente/**", "/reconcile/**")
                .authorizeHttpRequests(a -> a
                        // the reconciliation manifest (no queries) is public: OpenRefine reads it to learn how to sign in
                        .requestMatchers(request -> HttpMethod.GET.matches(request.getMethod())
                                && request.getRequestURI().substring(request.getContextPath().length()).matches("/reconcile/[^/]+/?")
                                && request.getParameter("queries") == null).permitAll()
                        // reading an entry is reading the lists: staff; screening (which the log records) is the desk's.
                        // With OpenRefine's origins configured, the preview card is open to an iframe that carries no
                        // credentials: the controller then shows only entries of published government lists (never the
                        // institution's own watchlist, never anything of the screening log)
                        .requestMatchers(request -> anonymousPreview && HttpMethod.GET.matches(request.getMethod())
                                && request.getRequestURI().substring(request.getContextPath().length()).matches("/reconcile/[^/]+/preview/?")
                                && request.getHeader("Authorization") == null).permitAll()
                        .requestMatchers(HttpMethod.GET, "/reconcile/*/preview").hasAnyRole(ANALYST, REVIEWER, ADMINISTRATOR, AUDITOR)
                        .requestMatchers(HttpMethod.GET, "/yente/entities/*").hasAnyRole(ANALYST, REVIEWER, ADMINISTRATOR, AUDITOR)
                        .requestMatchers("/yente/**", "/reconcile/**").hasAnyRole(screeners)
                        .anyRequest().denyAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable()) // no session, no cookie: a request carries its own credentials
                .authenticationManager(new ProviderManager(new LocalAccounts(users, "basic", false)))
                .addFilterBefore(new TokenFilter(tokens, users), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(JsonErrors.unauthorized(api.basicAuth())).accessDeniedHandler(JsonErrors.forbidden()))
                .requestCache(r -> r.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .anonymous(Customizer.withDefaults())
                .headers(h -> h
                        .frameOptions(f -> f.disable())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .contentTypeOptions(Customizer.withDefaults())
                        .addHeaderWriter((request, response) -> {
                            if (request.getRequestURI().matches(".*/reconcile/[^/]+/preview/?")) {
                                response.setHeader("Content-Security-Policy", previewCsp);
                            } else {
                                response.setHeader("Content-Security-Policy", CSP);
                                response.setHeader("X-Frame-Options", "DENY");
                            }
                        }));
        // Basic as on the API: only when scrutiny.api.basic-auth is set (clients send a token, as a bearer or yente's ApiKey)
        if (api.basicAuth()) {
            http.httpBasic(b -> b.authenticationEntryPoint(JsonErrors.unauthorized(true)));
        } else {
            http.httpBasic(b -> b.disable());
        }
        return http.build();
    }

    /** The preview card's policy: {@link #CSP} with the configured origins allowed to frame it. */
    static String previewCsp(java.util.List<String> origins) {
        java.util.List<String> allowed = new java.util.ArrayList<>();
        for (String o : origins == null ? java.util.List.<String>of() : origins) {
            String origin = o.strip();
            if (origin.isEmpty()) {
                continue;
            }
            if (!origin.matches("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
                throw new IllegalStateException("scrutiny.reconcile.preview-frame-origins: '" + origin
                        + "' is not an origin such as http://localhost:3333 (scheme, host and optional port, no path)");
            }
            allowed.add(origin);
        }
        return CSP.replace("frame-ancestors 'none'", "frame-ancestors " + (allowed.isEmpty() ? "'none'" : String.join(" ", allowed)));
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, Users users, SecuritySettings settings,
            ObjectProvider<ClientRegistrationRepository> oidcClients, SignInThrottle throttle) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/favicon.ico", "/favicon.svg", "/css/**", "/js/**",
                                "/images/**", "/webjars/**", "/assets/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/api-docs.html", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // the pages: intake for submitters and analysts; changes to configuration and alerts for
                        // analysts and the administrator; one's own engagements (/mine) for anyone signed in;
                        // every other page for staff (they show every engagement).
                        .requestMatchers("/engagements/new", "/engagements/new/**").hasAnyRole(SUBMITTER, ANALYST)
                        // enabling the official list sources: the administrator only (before the analysts' rule for /lists/**)
                        .requestMatchers(HttpMethod.POST, "/lists/sources/official").hasRole(ADMINISTRATOR)
                        .requestMatchers(HttpMethod.POST, "/lists/**", "/directives/**", "/country-lists/**", "/policy/**", "/alerts/**")
                        .hasAnyRole(ANALYST, ADMINISTRATOR)
                        .requestMatchers(HttpMethod.POST, "/logout").authenticated()
                        // the screening desk: analysts, reviewers and the administrator screen (the log records it) and
                        // dispose; the auditor reads the log
                        .requestMatchers(HttpMethod.POST, "/screen", "/screenings/**").hasAnyRole(ANALYST, REVIEWER, ADMINISTRATOR)
                        // review cases: staff read the queues and cases; analysts and reviewers act (the review
                        // module checks the case's stage and the role)
                        .requestMatchers(HttpMethod.GET, "/cases", "/cases/**").hasAnyRole(ANALYST, REVIEWER, ADMINISTRATOR, AUDITOR)
                        .requestMatchers(HttpMethod.POST, "/cases/**").hasAnyRole(ANALYST, REVIEWER)
                        // users: the administrator; the auditor reads. One's own API tokens: anyone signed in
                        .requestMatchers(HttpMethod.GET, "/users", "/users/**").hasAnyRole(ADMINISTRATOR, AUDITOR)
                        .requestMatchers("/users", "/users/**").hasRole(ADMINISTRATOR)
                        .requestMatchers("/tokens", "/tokens/**").authenticated()
                        // one's own engagements, questions, conditions and notifications: anyone signed in (the
                        // pages show only what the user submitted or was told)
                        .requestMatchers("/mine", "/mine/**").authenticated()
                        .anyRequest().hasAnyRole(ANALYST, REVIEWER, ADMINISTRATOR, AUDITOR))
                // a provider, not the chain's whole AuthenticationManager: OpenID Connect's login configurer adds
                // its own provider (the code exchange) to the same manager, which a manager set here would leave out
                .authenticationProvider(new LocalAccounts(users, "form", true))
                .formLogin(f -> f.successHandler(landing()))
                .logout(Customizer.withDefaults())
                // after every way of signing in, before the anonymous user: the account's roles and state as they are now
                .addFilterBefore(new CurrentAccountFilter(users), AnonymousAuthenticationFilter.class);
        if (oidcClients.getIfAvailable() != null) {
            http.oauth2Login(o -> o.userInfoEndpoint(u -> u.oidcUserService(new OidcSignIn(settings.oidc(), users)))
                    .successHandler(landing()));
        }
        http.addFilterAfter(new ThrottleFilter(throttle, false, settings.shibboleth().on() ? settings.shibboleth().userHeader() : null),
                SecurityContextHolderFilter.class);
        // a new session id at every sign-in (form, OpenID Connect; Shibboleth's filter does it itself): no session fixation
        http.sessionManagement(sm -> sm.sessionFixation(f -> f.changeSessionId()));
        if (settings.shibboleth().on()) {
            Shibboleth shibboleth = new Shibboleth(settings.shibboleth(), users);
            http.addFilterAfter(shibboleth.guard(), SecurityContextHolderFilter.class)
                    .addFilterAt(shibboleth.filter(), RequestHeaderAuthenticationFilter.class);
        }
        headers(http, settings);
        return http.build();
    }

    /** The pages a user without a staff role may land on after signing in; any other saved request gives way to /mine. */
    private static final java.util.List<String> SUBMITTER_LANDINGS = java.util.List.of("/mine", "/engagements/new", "/tokens");

    /**
     * Where signing in leads: staff to the page they asked for (or the dashboard); anyone else (a
     * submitter, whose only pages are their own) to the page they asked for if it is one of theirs,
     * otherwise to their own engagements.
     */
    static AuthenticationSuccessHandler landing() {
        SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        return (request, response, authentication) -> {
            boolean staff = authentication.getAuthorities().stream().map(a -> a.getAuthority()).anyMatch(a ->
                    a.equals("ROLE_" + ANALYST) || a.equals("ROLE_" + REVIEWER) || a.equals("ROLE_" + ADMINISTRATOR)
                            || a.equals("ROLE_" + AUDITOR));
            if (!staff) {
                SavedRequest asked = cache.getRequest(request, response);
                String path = asked == null ? null : java.net.URI.create(asked.getRedirectUrl()).getPath();
                boolean theirs = path != null && SUBMITTER_LANDINGS.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
                if (!theirs) {
                    cache.removeRequest(request, response);
                    response.sendRedirect(request.getContextPath() + "/mine");
                    return;
                }
            }
            saved.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /**
     * The security headers of every answer. HSTS: Spring sends it on requests that arrived over TLS; with
     * {@code scrutiny.security.tls} (Scrutiny is reached only over HTTPS, perhaps through a proxy that
     * terminates TLS and forwards plain HTTP) on every answer, for a year and subdomains.
     */
    private static void headers(HttpSecurity http, SecuritySettings settings) throws Exception {
        http.headers(h -> h
                .httpStrictTransportSecurity(hsts -> {
                    if (settings.tls()) {
                        hsts.requestMatcher(AnyRequestMatcher.INSTANCE).maxAgeInSeconds(365L * 24 * 3600).includeSubDomains(true);
                    }
                })
                .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .contentTypeOptions(Customizer.withDefaults())
                .frameOptions(f -> f.deny()));
    }

    /** The README's table "Who may do what", rule by rule; anything not named is refused. */
    static void apiRules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a) {
        String[] readers = {ANALYST, REVIEWER, ADMINISTRATOR, AUDITOR};
        a
                // everyone signed in: who am I, my tokens, the schema and taxonomy a submission needs
                .requestMatchers(HttpMethod.GET, "/api/me", "/api/tokens", "/api/schemas/**", "/api/research-areas").authenticated()
                .requestMatchers(HttpMethod.POST, "/api/tokens").authenticated()
                .requestMatchers(HttpMethod.DELETE, "/api/tokens/*").authenticated()
                // users: the administrator; the auditor reads
                .requestMatchers(HttpMethod.GET, "/api/users", "/api/users/**").hasAnyRole(ADMINISTRATOR, AUDITOR)
                .requestMatchers(HttpMethod.POST, "/api/users", "/api/users/*/identities").hasRole(ADMINISTRATOR)
                .requestMatchers(HttpMethod.PUT, "/api/users/*/roles", "/api/users/*/enabled").hasRole(ADMINISTRATOR)
                // engagements: submitters their own (the assessment module filters), the others all
                .requestMatchers(HttpMethod.GET, "/api/engagements", "/api/engagements/*", "/api/engagements/*/assessments")
                .hasAnyRole(SUBMITTER, ANALYST, REVIEWER, ADMINISTRATOR, AUDITOR)
                .requestMatchers(HttpMethod.POST, "/api/engagements").hasAnyRole(SUBMITTER, ANALYST)
                // an engagement's dossier (reporting): staff, never submitters
                .requestMatchers(HttpMethod.GET, "/api/engagements/*/dossier.pdf").hasAnyRole(readers)
                // a proposal assessed without storing shows hits and list evidence: not for submitters (a watchlist probe)
                .requestMatchers(HttpMethod.POST, "/api/assessments").hasAnyRole(ANALYST, REVIEWER, ADMINISTRATOR)
                .requestMatchers(HttpMethod.POST, "/api/engagements/*/assessments").hasRole(ANALYST)
                // screening and hit clearances; every screening outside an engagement is logged: analysts, reviewers
                // and the administrator screen and dispose of results, the auditor reads the log
                .requestMatchers(HttpMethod.GET, "/api/screen").hasAnyRole(ANALYST, REVIEWER, ADMINISTRATOR)
                .requestMatchers(HttpMethod.POST, "/api/screenings", "/api/screenings/batches", "/api/screenings/*/dispositions")
                .hasAnyRole(ANALYST, REVIEWER, ADMINISTRATOR)
                .requestMatchers(HttpMethod.GET, "/api/screenings", "/api/screenings/**").hasAnyRole(readers)
                .requestMatchers(HttpMethod.POST, "/api/hits/clearances").hasRole(ANALYST)
                // configuration: lists, directives, country lists, policy; analysts and the administrator change it
                .requestMatchers(HttpMethod.GET, "/api/lists", "/api/lists/**", "/api/directives", "/api/directives/**",
                        "/api/country-lists", "/api/country-lists/**", "/api/policy", "/api/policy/**").hasAnyRole(readers)
                .requestMatchers(HttpMethod.GET, "/api/institutions", "/api/institutions/**").hasAnyRole(readers)
                .requestMatchers(HttpMethod.POST, "/api/lists/import", "/api/directives", "/api/institutions/import")
                .hasAnyRole(ANALYST, ADMINISTRATOR)
                .requestMatchers(HttpMethod.PUT, "/api/country-lists/*", "/api/policy").hasAnyRole(ANALYST, ADMINISTRATOR)
                // monitoring: staff read alerts and sources; analysts and the administrator act on them
                // the catalogue of official sources: staff read it; the administrator enables them
                .requestMatchers(HttpMethod.GET, "/api/list-sources/official").hasAnyRole(readers)
                .requestMatchers(HttpMethod.POST, "/api/list-sources/official").hasRole(ADMINISTRATOR)
                .requestMatchers(HttpMethod.GET, "/api/alerts", "/api/list-sources").hasAnyRole(readers)
                .requestMatchers(HttpMethod.POST, "/api/alerts/*/acknowledgement", "/api/list-sources", "/api/list-sources/*/refresh")
                .hasAnyRole(ANALYST, ADMINISTRATOR)
                // review cases: everyone signed in reads (the review module shows a submitter only their own cases,
                // without notes); those who take part act, and the review module checks the stage and the role;
                // the administrator and the auditor change nothing
                .requestMatchers(HttpMethod.GET, "/api/cases", "/api/cases/**").authenticated()
                // a case's analyst: taken by an analyst, assigned by an analyst or the administrator
                .requestMatchers(HttpMethod.POST, "/api/cases/*/analyst").hasAnyRole(ANALYST, ADMINISTRATOR)
                .requestMatchers(HttpMethod.POST, "/api/cases/**").hasAnyRole(SUBMITTER, ANALYST, REVIEWER)
                // exports (reporting): staff read everything, submitters nothing
                .requestMatchers(HttpMethod.GET, "/api/exports/**").hasAnyRole(readers)
                // one's own notifications
                .requestMatchers(HttpMethod.GET, "/api/notifications").authenticated()
                .requestMatchers(HttpMethod.POST, "/api/notifications/*/read").authenticated()
                // backup of the embedded database: the administrator
                .requestMatchers(HttpMethod.POST, "/api/admin/backup").hasRole(ADMINISTRATOR)
                // anything else under /api (a new endpoint nobody has placed here yet): analysts only, and
                // reads for the auditor and administrator
                .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(ANALYST, ADMINISTRATOR, AUDITOR)
                .anyRequest().hasRole(ANALYST);
    }
}
