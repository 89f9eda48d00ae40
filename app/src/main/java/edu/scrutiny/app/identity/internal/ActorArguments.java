package edu.scrutiny.app.identity.internal;

import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.identity.CurrentActor;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Any controller method may declare a parameter {@code Actor actor}: the signed-in user, or 401
 * when nobody is. Method security ({@code @PreAuthorize}) is on too, for rules finer than the URL ones.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
class ActorArguments implements WebMvcConfigurer {
    static {
        // not a request parameter: the OpenAPI document does not show it
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    }

    private final CurrentActor current;

    ActorArguments(CurrentActor current) {
        this.current = current;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Actor.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                    WebDataBinderFactory binders) {
                return current.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "nobody is signed in"));
            }
        });
    }
}
