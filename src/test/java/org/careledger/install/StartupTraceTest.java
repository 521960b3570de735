package org.careledger.install;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;

import static org.assertj.core.api.Assertions.assertThat;

class StartupTraceTest {

    @AfterEach
    void clearFlag() {
        System.clearProperty("careledger.startup-trace");
    }

    @Test
    void withoutTheFlagStartUpIsNotRecorded() {
        SpringApplication application = new SpringApplication(Object.class);
        StartupTrace.attachIfAsked(application);
        assertThat(application.getApplicationStartup()).isNotInstanceOf(BufferingApplicationStartup.class);
        assertThat(application.getListeners()).noneMatch(StartupTrace.class::isInstance);
    }

    @Test
    void withTheFlagEveryStepIsRecordedAndReportedOnceReady() {
        System.setProperty("careledger.startup-trace", "true");
        SpringApplication application = new SpringApplication(Object.class);
        StartupTrace.attachIfAsked(application);
        assertThat(application.getApplicationStartup()).isInstanceOf(BufferingApplicationStartup.class);
        assertThat(application.getListeners()).anyMatch(StartupTrace.class::isInstance);
    }
}
