package org.careledger.install;

import java.io.IOException;

import org.careledger.crypto.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the portal is up, makes everything under the data directory its owner's only (folders 0700,
 * files 0600): the database files H2 created with the process's default permissions among them. The
 * directory itself is 0700 from the pre-flight check on, so nobody else could reach them anyway.
 */
@Component
class DataDirectoryPermissions {

    private static final Logger log = LoggerFactory.getLogger(DataDirectoryPermissions.class);

    private final InstallSettings settings;

    DataDirectoryPermissions(InstallSettings settings) {
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void restrict() {
        try {
            PrivateFiles.restrict(settings.dataDir());
        } catch (IOException e) {
            log.warn("Could not make {} its owner's only: {}", settings.dataDir().toAbsolutePath(), e.toString());
        }
    }
}
