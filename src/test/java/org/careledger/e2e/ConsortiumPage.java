package org.careledger.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The admins' consortium console ({@code /admin/consortium}): each node's card, live, and its sealing controls. */
final class ConsortiumPage extends PageObject {

    ConsortiumPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    ConsortiumPage open() {
        open("admin/consortium");
        byId("consortium-view");
        return this;
    }

    long height(String node) {
        return Long.parseLong(byId("node-height-" + node).getText().replaceAll("\\D", ""));
    }

    String sealing(String node) {
        return byId("node-sealing-" + node).getText();
    }

    ConsortiumPage pause(String node) {
        clickScrolledIntoView(byId("pause-" + node));
        wait.withMessage(node + " shows as paused").until(d -> sealing(node).contains("Paused"));
        return this;
    }

    ConsortiumPage resume(String node) {
        clickScrolledIntoView(byId("resume-" + node));
        wait.withMessage(node + " shows as sealing").until(d -> sealing(node).contains("Sealing"));
        return this;
    }

    /** Waits, without reloading, until the node's card shows at least {@code height}. */
    ConsortiumPage awaitHeightAtLeast(String node, long height) {
        wait.withMessage(node + "'s card shows height " + height).until(d -> {
            String text = d.findElement(By.id("node-height-" + node)).getText().replaceAll("\\D", "");
            return !text.isEmpty() && Long.parseLong(text) >= height;
        });
        return this;
    }
}
