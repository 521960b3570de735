package org.careledger.e2e;

import java.nio.file.Path;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The explorer's "Verify a proof" page ({@code /explorer/verify}): upload a bundle, read the verdict. */
final class VerifyProofPage extends PageObject {

    VerifyProofPage(WebDriver driver, String baseUrl) {
        super(driver, baseUrl);
    }

    VerifyProofPage open() {
        open("explorer/verify");
        byId("explorer-verify");
        return this;
    }

    /** Uploads the bundle file and returns the verdict once the page gives one. */
    String verify(Path bundle) {
        fileInputOf(present(By.id("proof-upload"))).sendKeys(bundle.toAbsolutePath().toString());
        wait.withMessage("the page gives a verdict").until(d -> !d.findElement(By.id("proof-verdict")).getText().isBlank());
        return byId("proof-verdict").getText();
    }
}
