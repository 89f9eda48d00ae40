package edu.scrutiny.app.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;

/**
 * The site's icon, {@code /favicon.ico} (what every browser asks for) and {@code /favicon.svg} (what
 * the layout links), served without sign-in and cached for a week: an icon changes with a release,
 * if ever, and the other static files keep their default (revalidated) caching.
 */
@Configuration(proxyBeanMethods = false)
class IconResources implements WebMvcConfigurer {
    static final Duration CACHED_FOR = Duration.ofDays(7);

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/favicon.ico", "/favicon.svg")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.maxAge(CACHED_FOR).cachePublic());
    }
}
