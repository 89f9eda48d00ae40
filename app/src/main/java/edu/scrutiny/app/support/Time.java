package edu.scrutiny.app.support;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The one clock every module reads "now" and "today" from, so that tests (and as-of work) can
 * set it. UTC: dates in lists and engagements are calendar dates, not instants in a zone.
 */
@Configuration(proxyBeanMethods = false)
public class Time {
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
