package dev.gatehouse.domain.portal;

import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.token.TokenRecord;

/** Who is calling the access portal: the user, their sign-in session, and the token they used. */
public record Caller(User user, SignInSession session, TokenRecord token) {
}
