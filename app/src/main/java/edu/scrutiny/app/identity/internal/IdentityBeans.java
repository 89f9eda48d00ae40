package edu.scrutiny.app.identity.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Map;

/** What the identity module needs with or without a web server: settings and the password hash. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SecuritySettings.class, ApiSettings.class})
class IdentityBeans {
    static final String ARGON2 = "argon2";

    /**
     * Argon2id (Spring Security's 5.8 parameters: 16 MiB, 2 iterations) for new hashes; bcrypt hashes
     * are still read, should any be brought in.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(ARGON2, Map.of(
                ARGON2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder()));
    }
}
