package edu.scrutiny.app.identity.internal;

import edu.scrutiny.app.identity.ApiTokens;
import edu.scrutiny.app.identity.Users;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call the actuator ({@code /actuator/**}): the health probes anyone, without signing in
 * (a load balancer has no credentials; details only for the administrator and the monitor); the
 * Prometheus scrape the administrator and the {@code monitor} role, whose API token a scraper
 * carries; nothing else. Stateless like the API: a bearer token or HTTP Basic per request.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ActuatorSecurity {
    static final String MONITOR = "MONITOR";

    @Bean
    @Order(0)
    SecurityFilterChain actuator(HttpSecurity http, Users users, ApiTokens tokens, ApiSettings api) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasAnyRole(SecurityConfig.ADMINISTRATOR, MONITOR)
                        .anyRequest().denyAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable()) // no session, no cookie: a request carries its own credentials
                .authenticationManager(new ProviderManager(new LocalAccounts(users, "basic", false)))
                .addFilterBefore(new TokenFilter(tokens, users), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(JsonErrors.unauthorized(api.basicAuth())).accessDeniedHandler(JsonErrors.forbidden()))
                .requestCache(r -> r.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .anonymous(Customizer.withDefaults());
        // Basic as on the API: only when scrutiny.api.basic-auth is set (a scraper sends its token as a bearer)
        if (api.basicAuth()) {
            http.httpBasic(b -> b.authenticationEntryPoint(JsonErrors.unauthorized(true)));
        } else {
            http.httpBasic(b -> b.disable());
        }
        return http.build();
    }
}
