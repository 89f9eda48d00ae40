package edu.scrutiny.app.testsupport;

import edu.scrutiny.app.identity.Actor;
import edu.scrutiny.app.identity.Role;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * For tests only, until sign-in resolves the acting user: an {@link Actor} built from the request
 * headers {@code X-Test-User} and {@code X-Test-Roles} (comma-separated role keys).
 */
@TestConfiguration
public class TestActors implements WebMvcConfigurer {
    public static final String USER = "X-Test-User";
    public static final String ROLES = "X-Test-Roles";

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.addFirst(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Actor.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                          WebDataBinderFactory binders) {
                String user = request.getHeader(USER);
                String roles = request.getHeader(ROLES);
                Set<Role> set = EnumSet.noneOf(Role.class);
                if (roles != null) {
                    Arrays.stream(roles.split(",")).map(Role::fromKey).flatMap(java.util.Optional::stream).forEach(set::add);
                }
                return new Actor(user == null ? "anonymous" : user, set, null);
            }
        });
    }
}
