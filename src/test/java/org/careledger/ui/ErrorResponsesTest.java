package org.careledger.ui;

import jakarta.servlet.RequestDispatcher;

import org.careledger.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What the portal answers on the servlet container's error page, {@code /error}, where a request
 * that failed outside Vaadin's router ends (a static file that does not exist, a request Spring
 * Security refuses, a method a path does not take, an exception): the error's own status, a small
 * page for a browser and {@code {"status":…,"error":"…"}} for anything else, and nothing internal.
 * MockMvc does not forward a failed request to {@code /error} as the container does, so each real
 * error is given here as the container gives it: the forward's request attributes.
 */
class ErrorResponsesTest extends IntegrationTest {

    private static final String SECRET = "jdbc:h2:file:/srv/chain-data/portal failed at org.careledger.Secret";

    @Autowired
    WebApplicationContext web;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build();
    }

    @Test
    void aSignedOutCallerGetsTheSameAnswerNotARedirectToSignIn() throws Exception {
        MockHttpServletResponse json = mvc.perform(get("/error").accept(MediaType.APPLICATION_JSON)).andReturn().getResponse();
        assertThat(json.getStatus()).isEqualTo(404);
        assertThat(json.getContentAsString()).isEqualTo("{\"status\":404,\"error\":\"Not Found\"}");
    }

    @Test
    void theErrorPageOpenedWithNoErrorBehindItDoesNotExist() throws Exception {
        MockHttpServletResponse json = mvc.perform(signedIn(get("/error")).accept(MediaType.APPLICATION_JSON)).andReturn().getResponse();
        assertThat(json.getStatus()).isEqualTo(404);
        assertThat(json.getContentAsString()).isEqualTo("{\"status\":404,\"error\":\"Not Found\"}");

        MockHttpServletResponse page = mvc.perform(signedIn(get("/error")).accept(MediaType.TEXT_HTML)).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(404);
        assertThat(page.getContentType()).startsWith(MediaType.TEXT_HTML_VALUE);
        assertThat(page.getContentAsString()).contains("404 Not Found").doesNotContain("999").doesNotContain("None");
    }

    @ParameterizedTest
    @CsvSource({"404, Not Found", "403, Forbidden", "405, Method Not Allowed", "500, Internal Server Error"})
    void aProgramGetsTheErrorsStatusAndItsNameOnly(int status, String name) throws Exception {
        MockHttpServletResponse response = mvc.perform(failed(status).accept(MediaType.APPLICATION_JSON)).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        assertThat(response.getContentAsString()).isEqualTo("{\"status\":" + status + ",\"error\":\"" + name + "\"}");
    }

    @ParameterizedTest
    @CsvSource({"404, Not Found", "403, Forbidden", "405, Method Not Allowed", "500, Internal Server Error"})
    void aBrowserGetsASmallPageThatNamesTheErrorAndNothingInternal(int status, String name) throws Exception {
        MockHttpServletResponse response = mvc.perform(failed(status).accept(MediaType.TEXT_HTML)).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith(MediaType.TEXT_HTML_VALUE);
        assertThat(response.getContentAsString())
                .contains("<title>" + status + " " + name + " · CareLedger</title>")
                .contains("href=\"/\"")
                .doesNotContain("Whitelabel").doesNotContain("jdbc").doesNotContain("org.careledger")
                .doesNotContain("IllegalStateException").doesNotContain("/VAADIN/");
    }

    @Test
    void aClientThatAcceptsAnythingGetsJsonWithTheErrorsStatus() throws Exception {
        MockHttpServletResponse response = mvc.perform(failed(405).accept(MediaType.ALL)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(405);
        assertThat(response.getContentAsString()).isEqualTo("{\"status\":405,\"error\":\"Method Not Allowed\"}");

        MockHttpServletResponse plain = mvc.perform(failed(500).accept(MediaType.TEXT_PLAIN)).andReturn().getResponse();
        assertThat(plain.getStatus()).as("no 406 on top of the error").isEqualTo(500);
        assertThat(plain.getContentAsString()).isEqualTo("{\"status\":500,\"error\":\"Internal Server Error\"}");
    }

    /** The forward to /error that the container makes after a request to a Vaadin upload URL failed with this status. */
    private static MockHttpServletRequestBuilder failed(int status) {
        return signedIn(get("/error"))
                .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
                .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/VAADIN/dynamic/resource/1/5f0e-secret-key/upload")
                .requestAttr(RequestDispatcher.ERROR_MESSAGE, SECRET)
                .requestAttr(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException(SECRET))
                .requestAttr(RequestDispatcher.ERROR_EXCEPTION_TYPE, IllegalStateException.class);
    }

    private static MockHttpServletRequestBuilder signedIn(MockHttpServletRequestBuilder request) {
        return request.with(user("doctor@careledger.test").roles("DOCTOR"));
    }
}
