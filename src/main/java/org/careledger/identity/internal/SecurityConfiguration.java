package org.careledger.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.careledger.identity.ui.LoginView;
import org.jsoup.nodes.Element;
import org.springframework.aop.Advisor;
import org.springframework.aop.ClassFilter;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.authorization.method.Jsr250AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.core.GrantedAuthorityDefaults;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.CrossOriginResourcePolicyHeaderWriter.CrossOriginResourcePolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Spring Security for the portal: Vaadin's configurer with our login view, method security for
 * {@code @RolesAllowed} on services, a session registry so an admin's decision ends a user's
 * sessions at once, and the security headers every response carries: a Content-Security-Policy,
 * a Permissions-Policy, same-origin opener and resource policies, no framing, same-origin referrers
 * (and Spring's defaults: nosniff, no caching of pages).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity(securedEnabled = true) // JSR-250's annotations: jsr250OnServices() below
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    /**
     * The strictest policy every view runs under, found in headless Chromium by taking away each
     * allowance in turn (every view of every role, push, uploads, downloads, dialogs). Everything not
     * named is refused by {@code default-src 'none'}: plug-ins ({@code object-src}), frames, media.
     * A page Vaadin renders gets the same policy with its own inline scripts' hashes added
     * ({@link #contentSecurityPolicyAllowing}).
     */
    static final String CONTENT_SECURITY_POLICY = contentSecurityPolicy("", false);

    private static String contentSecurityPolicy(String inlineScriptHashes, boolean devToolsIcons) {
        return String.join("; ",
                "default-src 'none'",
                // Script files from our own origin only. Flow's client runs the server's executeJs and event
                // expressions with new Function(): without 'unsafe-eval' not even the login page renders (Vaadin
                // issue 10759; its way out needs a custom frontend bundle, which cannot be built here).
                // No 'unsafe-inline': a script or event handler injected into a page does not run.
                "script-src 'self' 'unsafe-eval'" + inlineScriptHashes,
                // the components' shadow-DOM <style> elements and Lumo's @font-face rules are inline: without
                // 'unsafe-inline' about 100 are refused on the first page and it renders unstyled, without icons
                "style-src 'self' 'unsafe-inline'",
                // the QR codes (patient home, proof dialog) are served from /VAADIN/dynamic, so neither data:
                // nor blob: images are needed; only Vaadin's dev tools (dev mode) draw data: icons
                devToolsIcons ? "img-src 'self' data:" : "img-src 'self'",
                // Lumo's and the components' icon fonts are data: URLs; no font is fetched
                "font-src data:",
                // the UIDL requests, uploads and push. Chromium counts ws: to our own origin as 'self', so push
                // keeps its websocket without ws:/wss: to every host (which would let a script send data anywhere)
                "connect-src 'self'",
                // @PWA's manifest.webmanifest
                "manifest-src 'self'",
                // no workers: @PWA is offline=false, so no service worker is registered (worker-src would
                // otherwise fall back to script-src, not to default-src)
                "worker-src 'none'",
                // Vaadin writes <base href> into every page; no one else may move it
                "base-uri 'self'",
                // the login form posts to /login
                "form-action 'self'",
                // not inside anyone's frame (X-Frame-Options: DENY says the same to older browsers)
                "frame-ancestors 'none'");
    }

    /**
     * The policy for one page Vaadin rendered: its inline scripts, and only they, may run, named by
     * their SHA-256 hashes. They are Vaadin's own (the old-browser redirect, {@code window.Vaadin}
     * stubs, the CSRF helper for native form posts, the removal of an old service worker; in dev mode
     * the dev tools too, whose settings carry a per-run token, so no fixed list of hashes would do).
     * The portal writes nothing of its own into the page's HTML: views reach the browser through
     * Flow's messages, so no user's text can become one of these scripts.
     */
    static String contentSecurityPolicyAllowing(List<String> inlineScripts, boolean devToolsIcons) {
        StringBuilder hashes = new StringBuilder();
        for (String script : inlineScripts) {
            hashes.append(" 'sha256-").append(Base64.getEncoder().encodeToString(sha256(script))).append('\'');
        }
        return contentSecurityPolicy(hashes.toString(), devToolsIcons);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * Browser features the portal never uses, denied to it and to anything injected into it. The camera
     * too: the doctor's QR upload is a plain file input (no capture attribute, no getUserMedia), so a phone
     * still offers its camera app through the file picker. Only features this Chromium recognises (it
     * logs an error for others, which fails the browser tests): not bluetooth or web-share.
     */
    static final String PERMISSIONS_POLICY = String.join(", ",
            "accelerometer=()", "autoplay=()", "browsing-topics=()", "camera=()", "display-capture=()",
            "encrypted-media=()", "fullscreen=()", "gamepad=()", "geolocation=()", "gyroscope=()", "hid=()",
            "idle-detection=()", "local-fonts=()", "magnetometer=()", "microphone=()", "midi=()", "payment=()",
            "picture-in-picture=()", "publickey-credentials-get=()", "screen-wake-lock=()", "serial=()", "usb=()",
            "xr-spatial-tracking=()");

    private static final String LOGIN_FAILED = "/login?error";

    /**
     * The web's side: the filter chain with Vaadin's configurer, the login form and the headers. Only
     * in a servlet web application; the same services also run headless (the kill tests' child
     * processes, which call them directly), where method security still guards every call.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @EnableWebSecurity
    static class Web {

        @Bean
        SecurityFilterChain securityFilterChain(HttpSecurity http, SessionRegistry sessionRegistry) throws Exception {
            // the error answer (ui.ErrorResponses) says nothing internal, so a signed-out caller gets it too, not a redirect to sign in
            http.authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ERROR).permitAll()
                    .requestMatchers("/images/**", "/icons/**", "/favicon.ico", "/error").permitAll()
                    // the browser libraries served from their WebJars in this jar (Chart.js for analytics): no data, no login
                    .requestMatchers("/webjars/**").permitAll());
            http.sessionManagement(session -> session
                    .sessionFixation(fixation -> fixation.changeSessionId())
                    .maximumSessions(-1)
                    .sessionRegistry(sessionRegistry)
                    .expiredUrl("/login?ended"));
            http.headers(headers -> headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                    .crossOriginOpenerPolicy(coop -> coop.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
                    .crossOriginResourcePolicy(corp -> corp.policy(CrossOriginResourcePolicy.SAME_ORIGIN))
                    .frameOptions(frame -> frame.deny())
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
            // the failure page as Vaadin's configurer would set it, with the typed username kept for the form; the
            // login page named too, or Spring Security would generate its own sign-in form at /login
            http.formLogin(form -> form.loginPage("/login").failureUrl(LOGIN_FAILED).failureHandler(new SignInFailureHandler(LOGIN_FAILED)));
            return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/login?logout")).build();
        }
    }

    /**
     * Sets each Vaadin page's policy before Spring Security's header writer runs (which then leaves
     * the header alone): the common policy plus the hashes of the inline scripts in that page. In dev
     * mode with Vaadin's dev tools on, their icons (data: images) are allowed too; production has no dev tools.
     */
    @Bean
    VaadinServiceInitListener inlineScriptPolicy() {
        return event -> event.addIndexHtmlRequestListener(page -> {
            DeploymentConfiguration vaadin = page.getVaadinRequest().getService().getDeploymentConfiguration();
            List<String> inlineScripts = page.getDocument().select("script:not([src])").stream().map(Element::data).toList();
            page.getVaadinResponse().setHeader("Content-Security-Policy",
                    contentSecurityPolicyAllowing(inlineScripts, !vaadin.isProductionMode() && vaadin.isDevToolsEnabled()));
        });
    }

    /**
     * {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} checked at every call of a service,
     * as {@code @EnableMethodSecurity(jsr250Enabled = true)} would, except on Vaadin components. Views
     * carry the same annotations for Vaadin's navigation access control, which checks them before a view
     * is made; Spring's own JSR-250 advisor also made every such view a CGLIB proxy, and Spring works
     * out again which advisors apply each time it proxies a new instance of a prototype: a third of the
     * request threads' CPU under the load test went to that, at every navigation. A view's methods need
     * no check of their own: it exists only for a user the navigation let in, and it reaches the data
     * only through the services, which are checked here.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor jsr250OnServices(ObjectProvider<GrantedAuthorityDefaults> authorityDefaults,
                                    ObjectProvider<SecurityContextHolderStrategy> contextStrategy) {
        Jsr250AuthorizationManager roles = new Jsr250AuthorizationManager();
        authorityDefaults.ifAvailable(d -> roles.setRolePrefix(d.getRolePrefix()));
        AuthorizationManagerBeforeMethodInterceptor jsr250 = AuthorizationManagerBeforeMethodInterceptor.jsr250(roles);
        ClassFilter notAComponent = type -> !Component.class.isAssignableFrom(type);
        AuthorizationManagerBeforeMethodInterceptor onServices =
                new AuthorizationManagerBeforeMethodInterceptor(new ComposablePointcut(jsr250.getPointcut()).intersection(notAComponent), roles);
        onServices.setOrder(jsr250.getOrder());
        // as Spring Security's own configuration does: the Vaadin-aware strategy (a bean here), not whatever is global at the call
        contextStrategy.ifAvailable(onServices::setSecurityContextHolderStrategy);
        return onServices;
    }

    /** bcrypt (cost 10) for new hashes; older or other encodings are still read and can be upgraded. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }
}
