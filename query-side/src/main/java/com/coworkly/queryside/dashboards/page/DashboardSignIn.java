package com.coworkly.queryside.dashboards.page;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.regex.Pattern;

/**
 * Signing in to the dashboard page with the same email and password as in the apps: the form posts here, this
 * asks the issuer for a token and keeps it in the page's cookie. A page for browsers, not part of the JSON API,
 * hence hidden from the OpenAPI document.
 */
@Controller
@Hidden
class DashboardSignIn {

    /** Only the page itself, with a query of URL characters: never another site, nor another path. */
    private static final Pattern PAGE_ADDRESS = Pattern.compile("/dashboard(\\?[A-Za-z0-9=&%._~+-]*)?");

    private final TokenEndpoint issuer;
    private final DashboardSession session;

    DashboardSignIn(TokenEndpoint issuer, DashboardSession session) {
        this.issuer = issuer;
        this.session = session;
    }

    @GetMapping(DashboardPageSecurity.SIGN_IN)
    String form(
            @RequestParam(required = false) String next,
            @RequestParam(required = false) String expired,
            @RequestParam(required = false) String signedOut,
            CsrfToken csrf,
            Model model) {
        csrf.getToken(); // sets the CSRF cookie before the page starts to be written
        model.addAttribute("next", returnTo(next));
        if (expired != null) {
            model.addAttribute("notice", "Your sign-in has expired. Please sign in again.");
        } else if (signedOut != null) {
            model.addAttribute("notice", "You have signed out.");
        }
        return "dashboard/sign-in";
    }

    @PostMapping(DashboardPageSecurity.SIGN_IN)
    String signIn(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(required = false) String next,
            CsrfToken csrf,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (username.isBlank() || password.isEmpty()) {
            return again("Enter your email and password.", username, next, HttpStatus.OK, csrf, response, model);
        }
        TokenEndpoint.Outcome outcome = issuer.signIn(username.strip(), password);
        if (outcome instanceof TokenEndpoint.SignedIn signedIn) {
            session.open(request, response, signedIn.token(), signedIn.lifetime());
            return "redirect:" + returnTo(next);
        }
        if (outcome instanceof TokenEndpoint.Refused) {
            // Shown again with 200: the form answered as asked; a 401 would need a WWW-Authenticate challenge.
            return again("Unknown email or wrong password.", username, next, HttpStatus.OK, csrf, response, model);
        }
        if (outcome instanceof TokenEndpoint.TooManyAttempts) {
            // Not "wrong password": the issuer did not look at it (decision 29).
            return again(
                    "Too many failed sign-ins. Please try again later.",
                    username,
                    next,
                    HttpStatus.TOO_MANY_REQUESTS,
                    csrf,
                    response,
                    model);
        }
        return again(
                "Signing in is not possible right now. Please try again in a minute.",
                username,
                next,
                HttpStatus.SERVICE_UNAVAILABLE,
                csrf,
                response,
                model);
    }

    @PostMapping(DashboardPageSecurity.SIGN_OUT)
    String signOut(HttpServletRequest request, HttpServletResponse response) {
        session.close(request, response);
        return "redirect:" + DashboardPageSecurity.SIGN_IN + "?signedOut";
    }

    private static String again(
            String error,
            String username,
            String next,
            HttpStatus status,
            CsrfToken csrf,
            HttpServletResponse response,
            Model model) {
        csrf.getToken();
        response.setStatus(status.value());
        model.addAttribute("error", error);
        model.addAttribute("username", username);
        model.addAttribute("next", returnTo(next));
        return "dashboard/sign-in";
    }

    static String returnTo(String next) {
        return next != null && PAGE_ADDRESS.matcher(next).matches() ? next : DashboardPageSecurity.PAGE;
    }
}
