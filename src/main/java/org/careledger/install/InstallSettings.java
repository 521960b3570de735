package org.careledger.install;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What an operator sets for one install. Bound from {@code careledger.*}; the environment variables
 * named in the README ({@code CARELEDGER_DATA_DIR}, {@code CARELEDGER_MASTER_KEY}, ...) are mapped
 * onto these properties in {@code application.properties}.
 *
 * @param dataDir       the folder holding the database, the block stores and the keys
 * @param masterKey     base64 of 32 random bytes, or blank
 * @param masterKeyFile a file holding that base64 text, or blank
 * @param admin         the first admin's credentials, used once on an empty database
 * @param idleTimeout   how long an idle signed-in session lives
 */
@ConfigurationProperties(prefix = "careledger")
public record InstallSettings(
        @DefaultValue("./chain-data") Path dataDir,
        @DefaultValue("") String masterKey,
        @DefaultValue("") String masterKeyFile,
        @DefaultValue Admin admin,
        @DefaultValue("15m") Duration idleTimeout) {

    /** The first admin's credentials; both blank unless the operator set them. */
    public record Admin(@DefaultValue("") String username, @DefaultValue("") String password) {

        public boolean isSet() {
            return !username.isBlank() && !password.isBlank();
        }

        @Override
        public String toString() {
            return "Admin[username=" + username + ", password=" + (password.isBlank() ? "unset" : "set") + "]";
        }
    }

    @Override
    public String toString() {
        return "InstallSettings[dataDir=" + dataDir + ", masterKey=" + (masterKey.isBlank() ? "unset" : "set")
                + ", masterKeyFile=" + masterKeyFile + ", admin=" + admin + ", idleTimeout=" + idleTimeout + "]";
    }
}
