package edu.scrutiny.app.identity.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document says how to sign in (an API token, and HTTP Basic where it is on), so that /api-docs.html can. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiDocsSecurity {
    @Bean
    OpenApiCustomizer signInSchemes(ApiSettings settings) {
        return api -> {
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents()
                    .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                            .description("An API token (scr_...): POST /api/tokens or ./scrutiny tokens create"));
            api.addSecurityItem(new SecurityRequirement().addList("token"));
            if (settings.basicAuth()) { // offered only where it is accepted (scrutiny.api.basic-auth)
                api.getComponents().addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("A local account's user name and password"));
                api.addSecurityItem(new SecurityRequirement().addList("basic"));
            }
        };
    }
}
