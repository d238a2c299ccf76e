package io.reroute.platform;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.OAuthFlow;
import io.swagger.v3.oas.annotations.security.OAuthFlows;
import io.swagger.v3.oas.annotations.security.OAuthScope;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Reroute tenant API",
                        version = "v1",
                        description =
                                "The public API of one ISP workspace. The workspace is the one of the access token;"
                                        + " errors are RFC 9457 problem documents."),
        security = @SecurityRequirement(name = "oauth2"))
@SecurityScheme(
        name = "oauth2",
        type = SecuritySchemeType.OAUTH2,
        flows =
                @OAuthFlows(
                        clientCredentials =
                                @OAuthFlow(
                                        tokenUrl = "/oauth2/token",
                                        scopes = {
                                            @OAuthScope(
                                                    name = "workspace:read",
                                                    description = "Read the workspace and its settings"),
                                            @OAuthScope(name = "workspace:write", description = "Change the settings"),
                                            @OAuthScope(name = "allowlist:read", description = "Read the allowlist"),
                                            @OAuthScope(name = "allowlist:write", description = "Change the allowlist"),
                                            @OAuthScope(name = "api-clients:read", description = "List API clients"),
                                            @OAuthScope(
                                                    name = "api-clients:write",
                                                    description = "Create and revoke API clients"),
                                            @OAuthScope(name = "audit:read", description = "Read the audit trail"),
                                            @OAuthScope(name = "plans:read", description = "Read plans"),
                                            @OAuthScope(name = "plans:write", description = "Create plans"),
                                            @OAuthScope(
                                                    name = "subscribers:read",
                                                    description = "Read subscribers and their history"),
                                            @OAuthScope(
                                                    name = "subscribers:write",
                                                    description = "Create, suspend and restore subscribers"),
                                            @OAuthScope(name = "invoices:read", description = "Read invoices"),
                                            @OAuthScope(
                                                    name = "invoices:write",
                                                    description = "Issue and void invoices"),
                                            @OAuthScope(name = "payments:read", description = "Read payments"),
                                            @OAuthScope(name = "payments:write", description = "Record payments")
                                        })))
class OpenApiConfiguration {}
