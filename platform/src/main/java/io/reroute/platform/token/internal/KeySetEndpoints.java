package io.reroute.platform.token.internal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import io.reroute.platform.security.ApiScope;
import io.reroute.platform.security.SecurityProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The JWKS resource servers validate against, and RFC 8414 metadata that points to it. */
@RestController
@ConditionalOnExpression("'${reroute.security.jwk-set-uri:}'.isBlank()")
@Tag(name = "OAuth 2.0")
class KeySetEndpoints {

    private final SigningKeyStore keys;
    private final SecurityProperties properties;

    KeySetEndpoints(SigningKeyStore keys, SecurityProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    @GetMapping("/oauth2/jwks")
    @Operation(summary = "Public keys that sign the platform's access tokens")
    Mono<ResponseEntity<Map<String, Object>>> jwks() {
        // Make sure a key exists before the first token is asked for, so the set is never empty.
        return keys.signingKey().then(keys.publishedKeys()).map(published -> {
            List<JWK> jwks = published.stream()
                    .<JWK>map(key -> new ECKey.Builder(Curve.P_256, key.publicKey())
                            .keyID(key.kid())
                            .keyUse(KeyUse.SIGNATURE)
                            .algorithm(JWSAlgorithm.ES256)
                            .build())
                    .toList();
            return ResponseEntity.ok()
                    .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                    .body(new JWKSet(jwks).toJSONObject(true));
        });
    }

    @GetMapping("/.well-known/oauth-authorization-server")
    @Operation(summary = "Authorization server metadata (RFC 8414)")
    Map<String, Object> metadata() {
        String base = properties.issuer().replaceAll("/+$", "");
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", properties.issuer());
        metadata.put("token_endpoint", base + "/oauth2/token");
        metadata.put("jwks_uri", base + "/oauth2/jwks");
        metadata.put("grant_types_supported", List.of("client_credentials"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        metadata.put(
                "scopes_supported",
                Arrays.stream(ApiScope.values()).map(ApiScope::value).toList());
        return metadata;
    }
}
