package com.coworkly.commandside.identity;

import com.coworkly.commandside.commands.CommandSender;
import com.coworkly.events.common.MemberId;
import com.coworkly.platform.web.PlainText;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Open to everyone: joining the network, signing in, and the issuer's public keys. */
@RestController
@Tag(name = "Identity")
class IdentityController {

    record RegisterMemberRequest(
            @NotBlank @Email @Size(max = 254) @PlainText String email,
            @NotBlank @Size(max = 200) @PlainText String name,
            @NotNull @Size(min = 10, max = 128) String password) {}

    record MemberRegisteredResponse(MemberId memberId) {}

    record TokenRequest(
            @NotBlank @Size(max = 254) @PlainText String username,
            @NotNull @Size(max = 128) String password) {}

    record TokenResponse(String access_token, String token_type, long expires_in) {}

    private final CommandSender commands;
    private final TokenIssuer issuer;
    private final RSAKey signingKey;
    private final String issuerUri;

    IdentityController(
            CommandSender commands,
            TokenIssuer issuer,
            RSAKey signingKey,
            @Value("${booking.identity.issuer}") String issuerUri) {
        this.commands = commands;
        this.issuer = issuer;
        this.signingKey = signingKey;
        this.issuerUri = issuerUri;
    }

    @PostMapping("/api/members")
    @Operation(summary = "Join the network as a member (anyone)")
    ResponseEntity<MemberRegisteredResponse> register(@Valid @RequestBody RegisterMemberRequest request) {
        RegisterMember command = new RegisterMember(
                MemberId.random(), request.email().strip(), request.name().strip(), new Password(request.password()));
        return commands.send(command).created(new MemberRegisteredResponse(command.memberId()));
    }

    @PostMapping("/api/auth/token")
    @Operation(
            summary = "Exchange email and password for an access token (anyone; failed sign-ins are limited per "
                    + "account and client address: 429 TOO_MANY_SIGN_IN_ATTEMPTS with Retry-After)")
    ResponseEntity<TokenResponse> token(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        TokenIssuer.IssuedToken token =
                issuer.issue(request.username(), new Password(request.password()), http.getRemoteAddr());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new TokenResponse(
                        token.accessToken(), "Bearer", token.expiresIn().toSeconds()));
    }

    @GetMapping("/.well-known/jwks.json")
    @Operation(summary = "The issuer's public keys (anyone)")
    Map<String, Object> jwks() {
        return new JWKSet(signingKey.toPublicJWK()).toJSONObject();
    }

    @GetMapping("/.well-known/openid-configuration")
    @Operation(summary = "Issuer metadata, so resource servers can be pointed at the issuer URI (anyone)")
    Map<String, Object> openIdConfiguration() {
        return Map.of(
                "issuer",
                issuerUri,
                "jwks_uri",
                issuerUri + "/.well-known/jwks.json",
                "token_endpoint",
                issuerUri + "/api/auth/token",
                "id_token_signing_alg_values_supported",
                java.util.List.of("RS256"),
                "subject_types_supported",
                java.util.List.of("public"),
                "response_types_supported",
                java.util.List.of("token"));
    }
}
