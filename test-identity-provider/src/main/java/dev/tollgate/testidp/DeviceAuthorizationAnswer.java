package dev.tollgate.testidp;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2DeviceAuthorizationResponse;
import org.springframework.security.oauth2.core.http.converter.OAuth2DeviceAuthorizationResponseHttpMessageConverter;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2DeviceAuthorizationRequestAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The device authorization answer, as Spring writes it, plus {@code interval} (RFC 8628 §3.2),
 * which Spring leaves out: clients then wait RFC 8628's default of 5 s between polls, and the
 * tests would spend most of their time waiting.
 */
final class DeviceAuthorizationAnswer implements AuthenticationSuccessHandler {

  private final OAuth2DeviceAuthorizationResponseHttpMessageConverter converter =
      new OAuth2DeviceAuthorizationResponseHttpMessageConverter();
  private final String verificationPath;
  private final long intervalSeconds;

  DeviceAuthorizationAnswer(String verificationPath, Duration interval) {
    this.verificationPath = verificationPath;
    this.intervalSeconds = Math.max(1, interval.getSeconds());
  }

  @Override
  public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
      Authentication authentication) throws IOException {
    OAuth2DeviceAuthorizationRequestAuthenticationToken device =
        (OAuth2DeviceAuthorizationRequestAuthenticationToken) authentication;
    OAuth2DeviceCode deviceCode = device.getDeviceCode();
    OAuth2UserCode userCode = device.getUserCode();
    String verificationUri = request.getScheme() + "://" + request.getServerName() + ":"
        + request.getServerPort() + verificationPath;
    OAuth2DeviceAuthorizationResponse answer = OAuth2DeviceAuthorizationResponse
        .with(deviceCode, userCode)
        .verificationUri(verificationUri)
        .verificationUriComplete(UriComponentsBuilder.fromUriString(verificationUri)
            .queryParam("user_code", userCode.getTokenValue()).build().toUriString())
        .expiresIn(ChronoUnit.SECONDS.between(deviceCode.getIssuedAt(), deviceCode.getExpiresAt()))
        .interval(intervalSeconds)
        .build();
    converter.write(answer, null, new ServletServerHttpResponse(response));
  }
}
