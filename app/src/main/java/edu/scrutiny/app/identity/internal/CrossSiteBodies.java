package edu.scrutiny.app.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The REST API takes a request that changes something only in a content type its endpoint names:
 * JSON unless the endpoint declares others (YAML for directives, multipart for list imports). A
 * cross-site page can make a browser send {@code text/plain}, form or multipart bodies without
 * asking (a "simple" request, no CORS preflight), so an endpoint that reads JSON must not read them;
 * a bodiless action (acknowledge, refresh, read) is refused with such a type too. 415 otherwise.
 * Requests without a {@code Content-Type} (curl's bodiless POST) go through.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class CrossSiteBodies implements WebMvcConfigurer {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"));

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws HttpMediaTypeNotSupportedException {
                if (SAFE_METHODS.contains(request.getMethod()) || request.getContentType() == null
                        || !(handler instanceof HandlerMethod method)) {
                    return true;
                }
                List<MediaType> accepted = accepted(method);
                MediaType sent;
                try {
                    sent = MediaType.parseMediaType(request.getContentType());
                } catch (InvalidMediaTypeException e) {
                    throw new HttpMediaTypeNotSupportedException("the Content-Type '" + request.getContentType()
                            + "' is not a media type");
                }
                if (accepted.stream().noneMatch(a -> a.includes(sent))) {
                    throw new HttpMediaTypeNotSupportedException(sent, accepted, org.springframework.http.HttpMethod.valueOf(request.getMethod()));
                }
                return true;
            }
        }).addPathPatterns("/api/**");
    }

    /** What the endpoint's mapping declares it consumes; JSON when it declares nothing. */
    static List<MediaType> accepted(HandlerMethod method) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequestMapping.class);
        List<MediaType> declared = new ArrayList<>();
        if (mapping != null) {
            for (String c : mapping.consumes()) {
                declared.add(MediaType.parseMediaType(c));
            }
        }
        return declared.isEmpty() ? JSON : declared;
    }
}
